// The gap report for maintainers: GET /api/admin/gaps (admin-common.js holds the token), shown as text (never HTML).
'use strict';

const period = document.getElementById('period');
const status = document.getElementById('status');
const table = document.getElementById('gaps');

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content); else td.textContent = content;
  row.append(td);
  return td;
}

function list(items, render) {
  const ul = document.createElement('ul');
  items.forEach(item => { const li = document.createElement('li'); li.append(render(item)); ul.append(li); });
  return ul;
}

function query(format) {
  const from = new Date(Date.now() - Number(period.value) * 86400000).toISOString();
  return `/api/admin/gaps?from=${encodeURIComponent(from)}${format ? '&format=' + format : ''}`;
}

function fetchReport(format) {
  return adminCall('GET', query(format));
}

document.getElementById('load').addEventListener('submit', async event => {
  event.preventDefault();
  status.textContent = 'Clustering…';
  try {
    const report = await (await fetchReport()).json();
    const body = table.querySelector('tbody');
    body.replaceChildren();
    for (const cluster of report.clusters) {
      const row = document.createElement('tr');
      row.className = 'cluster';
      cell(row, cluster.label).className = 'label';
      cell(row, String(cluster.size)).className = 'size';
      cell(row, Object.entries(cluster.reasons).map(([reason, count]) => `${count} ${reason}`).join(', '));
      cell(row, cluster.firstSeen.slice(0, 10) + (cluster.firstSeen.slice(0, 10) === cluster.lastSeen.slice(0, 10) ? '' : ' – ' + cluster.lastSeen.slice(0, 10)));
      cell(row, list(cluster.samples, sample => document.createTextNode(sample)));
      cell(row, list(cluster.nearest, source => {
        const link = document.createElement('a');
        link.href = /^https?:\/\//.test(source.url) ? source.url : '#';
        link.textContent = source.title || source.url;
        link.rel = 'noopener noreferrer';
        return link;
      }));
      body.append(row);
    }
    document.getElementById('summary').textContent =
      `${report.questions} questions in ${report.clusters.length} topics, ${report.from.slice(0, 10)} to ${report.to.slice(0, 10)}`;
    table.hidden = false;
    status.textContent = report.clusters.length ? '' : 'Nothing the bot could not answer in this period.';
  } catch (e) {
    table.hidden = true;
    status.textContent = e.message;
  }
});

document.getElementById('csv').addEventListener('click', async () => {
  try {
    await saveAs(await fetchReport('csv'), 'gaps.csv');
  } catch (e) {
    status.textContent = e.message;
  }
});
