// The review queue: GET /api/admin/community, and accept (with edits) / decline / withdraw, as text (never HTML);
// admin-common.js holds the token.
'use strict';

const filter = document.getElementById('status-filter');
const status = document.getElementById('status');
const list = document.getElementById('candidates');

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function field(labelText, value, rows, id) {
  const wrap = element('div', 'field');
  const label = element('label', '', labelText);
  const area = element('textarea');
  area.id = id;
  label.htmlFor = id;
  area.rows = rows;
  area.value = value;
  wrap.append(label, area);
  return [wrap, area];
}

function button(text, className, action) {
  const b = element('button', className, text);
  b.type = 'button';
  b.addEventListener('click', action);
  return b;
}

function candidateItem(candidate) {
  const item = element('li', 'candidate ' + candidate.status);
  item.dataset.id = candidate.id;
  const meta = element('p', 'meta');
  const when = candidate.answeredAt.slice(0, 10);
  meta.append(`${candidate.status} · ${candidate.platform} · answered ${when} by ${candidate.maintainer} · bot: ${candidate.gap}`);
  if (/^https?:\/\//.test(candidate.link)) {
    const link = element('a', '', 'thread');
    link.href = candidate.link;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    meta.append(' · ', link);
  }
  const [questionField, question] = field('Question', candidate.question, 2, 'q-' + candidate.id);
  const [answerField, answer] = field("Maintainer's answer", candidate.answer, 6, 'a-' + candidate.id);
  const editable = candidate.status === 'pending' || candidate.status === 'accepted';
  question.readOnly = answer.readOnly = !editable;
  const actions = element('div', 'actions');
  const decide = (verb, withEdits) => async () => {
    try {
      const body = withEdits ? { question: question.value, answer: answer.value } : undefined;
      const method = verb === 'edit' ? 'PUT' : 'POST';
      const path = `/api/admin/community/${encodeURIComponent(candidate.id)}` + (verb === 'edit' ? '' : '/' + verb);
      const reviewed = await (await adminCall(method, path, body)).json();
      item.replaceWith(candidateItem(reviewed.answer));
      status.textContent = `${verb === 'edit' ? 'Saved' : reviewed.answer.status[0].toUpperCase() + reviewed.answer.status.slice(1)}`
        + (reviewed.indexed ? '.' : ': the index will catch up at the next refresh.');
    } catch (e) {
      status.textContent = e.message;
    }
  };
  if (candidate.status === 'pending') {
    actions.append(button('Accept', 'accept', decide('accept', true)), button('Decline', 'decline secondary', decide('decline', false)));
  } else if (candidate.status === 'accepted') {
    actions.append(button('Save edits', 'save', decide('edit', true)), button('Withdraw', 'withdraw secondary', decide('withdraw', false)));
  } else {
    actions.append(button('Accept after all', 'accept', decide('accept', true)));
  }
  item.append(meta, questionField, answerField, actions);
  return item;
}

document.getElementById('load').addEventListener('submit', async event => {
  event.preventDefault();
  status.textContent = 'Loading…';
  try {
    const page = await (await adminCall('GET', '/api/admin/community?status=' + encodeURIComponent(filter.value))).json();
    list.replaceChildren(...page.candidates.map(candidateItem));
    status.textContent = page.candidates.length ? `${page.candidates.length} shown.` : 'Nothing here.';
  } catch (e) {
    list.replaceChildren();
    status.textContent = e.message;
  }
});

document.getElementById('export').addEventListener('click', async () => {
  try {
    await saveAs(await adminCall('GET', '/api/admin/community/export'), 'community-qa.md');
  } catch (e) {
    status.textContent = e.message;
  }
});
