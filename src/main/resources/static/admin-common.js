// What the administration pages share: the bearer token (kept in this tab only), calls that turn a
// problem detail into an error with its message, and saving a response as a file.
'use strict';

const adminToken = document.getElementById('token');
adminToken.value = sessionStorage.getItem('qa-admin-token') || '';

async function adminCall(method, path, body) {
  sessionStorage.setItem('qa-admin-token', adminToken.value);
  const headers = { Authorization: 'Bearer ' + adminToken.value };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || ('HTTP ' + response.status));
  }
  return response;
}

async function saveAs(response, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
