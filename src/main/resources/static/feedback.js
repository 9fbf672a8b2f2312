// The page DingTalk answers link to for 👍/👎: it records nothing until the reader sends the form.
'use strict';

const params = new URLSearchParams(location.search);
const answerId = params.get('answer') || '';
const form = document.getElementById('vote');
const status = document.getElementById('status');
const choice = form.querySelector(`input[name=helpful][value="${params.get('helpful') === 'false' ? 'false' : 'true'}"]`);
choice.checked = true;

// One reader, one vote per answer: a second visit changes the vote instead of adding one.
let voter = localStorage.getItem('qa-voter');
if (!voter) {
  voter = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
  localStorage.setItem('qa-voter', voter);
}

if (!answerId) {
  form.hidden = true;
  status.textContent = '这个链接没有指明是哪个回答。 The link names no answer.';
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const helpful = form.querySelector('input[name=helpful]:checked').value === 'true';
  const comment = document.getElementById('comment').value.trim();
  status.textContent = '…';
  try {
    const response = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answerId, helpful, comment: comment || undefined, voter: 'page:' + voter })
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || ('HTTP ' + response.status));
    }
    status.textContent = '谢谢，已记下。 Thank you: recorded.';
  } catch (e) {
    status.textContent = e.message;
  }
});
