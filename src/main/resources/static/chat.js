// The chat page: questions go to POST /api/ask/stream with the conversation's id, so that a follow-up
// is read together with the question before it; the answer is shown as it is written, then its sources.
// Nothing the server sends is ever inserted as HTML: the Markdown below is turned into DOM nodes.
'use strict';

const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('question');
const send = document.getElementById('send');
let conversationId = newConversationId();

function newConversationId() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)).replace(/[^A-Za-z0-9._:-]/g, '');
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Inline Markdown: `code`, **bold**, _italic_, [text](https://…) links; everything else stays text.
function inline(parent, text) {
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)|(?<![\w])_([^_\n]+)_(?![\w])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(document.createTextNode(text.slice(last, match.index)));
    if (match[1] !== undefined) {
      parent.append(element('code', '', match[1]));
    } else if (match[2] !== undefined) {
      parent.append(element('strong', '', match[2]));
    } else if (match[5] !== undefined) {
      parent.append(element('em', '', match[5]));
    } else {
      const link = element('a', '', match[3] || match[4]);
      link.href = match[4];
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      parent.append(link);
    }
    last = match.index + match[0].length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}

// Block Markdown: fenced code, lists, headings as bold lines, paragraphs.
function markdown(text) {
  const root = document.createDocumentFragment();
  const lines = text.replace(/\r/g, '').split('\n');
  let list = null;
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) {
      const p = element('p');
      inline(p, paragraph.join('\n'));
      root.append(p);
      paragraph = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      list = null;
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      const pre = element('pre');
      pre.append(element('code', '', code.join('\n')));
      root.append(pre);
      continue;
    }
    const item = line.match(/^\s*(?:[-*]|(\d+)\.)\s+(.*)$/);
    if (item) {
      flush();
      const ordered = item[1] !== undefined;
      if (!list || (list.tagName === 'OL') !== ordered) {
        list = element(ordered ? 'ol' : 'ul');
        root.append(list);
      }
      const li = element('li');
      inline(li, item[2]);
      list.append(li);
      continue;
    }
    list = null;
    const heading = line.match(/^#{1,6}\s+(.*)$/);
    if (heading) {
      flush();
      const strong = element('p');
      strong.append(element('strong', '', heading[1]));
      root.append(strong);
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return root;
}

function sourceCard(source) {
  const card = element('li', 'source');
  card.append(element('div', 'kind', {
    qa: 'SOFA Weekly Q&A', doc: 'Docs', article: 'Article', community: 'Maintainer, in the group'
  }[source.kind] || source.kind));
  if (/^https?:\/\//.test(source.url)) {
    const link = element('a', '', source.title || source.url);
    link.href = source.url;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    card.append(link);
  } else {
    // A community answer from a chat without permalinks: named, not linked.
    card.append(element('span', 'title', source.title));
  }
  if (source.section) card.append(element('div', 'section', source.section));
  if (source.question) card.append(element('div', 'section', source.question));
  card.append(element('div', 'date', source.date ? source.date : 'undated docs page'));
  return card;
}

function feedbackRow(answerId) {
  const row = element('div', 'feedback');
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Was this answer helpful?');
  row.append(element('span', '', 'Helpful?'));
  const status = element('span', 'feedback-status');
  status.setAttribute('aria-live', 'polite');
  for (const [label, helpful, name] of [['👍', true, 'Helpful'], ['👎', false, 'Not helpful']]) {
    const button = element('button', helpful ? 'helpful' : 'unhelpful', label);
    button.type = 'button';
    button.setAttribute('aria-label', name);
    button.addEventListener('click', async () => {
      const response = await fetch('/api/feedback', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answerId, helpful, voter: conversationId })
      });
      status.textContent = response.ok ? 'Thanks, noted.' : 'Could not record it.';
      row.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
    });
    row.append(button);
  }
  row.append(status);
  return row;
}

function showResponse(view, body) {
  view.answer.className = 'answer ' + (body.grounded ? 'grounded' : 'refused');
  view.answer.dataset.state = body.grounded ? 'grounded' : 'refused';
  view.state.textContent = body.grounded ? 'Answered from the sources below' : 'No answer in the knowledge';
  view.text.replaceChildren(markdown(body.answer));
  if (body.followUpOf) view.follows.textContent = 'Read together with: ' + body.followUpOf;
  const sources = element('ol', 'sources');
  sources.setAttribute('aria-label', body.grounded ? 'Sources' : 'Maybe related');
  (body.sources || []).forEach(source => sources.append(sourceCard(source)));
  view.sources.replaceWith(sources);
  view.sources = sources;
  if (body.mode !== 'notice') view.answer.append(feedbackRow(body.answerId));
  view.meta.textContent = `${body.mode} · confidence ${body.confidence} · ${body.tookMs} ms`;
  view.answer.lastElementChild.scrollIntoView({ block: 'nearest' });
}

function newTurn(question) {
  const turn = element('li', 'turn');
  turn.append(element('div', 'question', question));
  const answer = element('div', 'answer');
  answer.dataset.state = 'waiting';
  const view = { answer, state: element('div', 'state', 'Looking…'), follows: element('div', 'follows'),
    text: element('div', 'text'), sources: element('ol', 'sources'), meta: element('div', 'meta') };
  answer.append(view.state, view.follows, view.text, view.sources, view.meta);
  turn.append(answer);
  log.append(turn);
  return view;
}

// Reads a text/event-stream body: each event's name and data, in order.
async function* events(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) yield { name, data: JSON.parse(data.join('\n')) };
    }
  }
}

async function ask(question) {
  const view = newTurn(question);
  let written = '';
  try {
    const response = await fetch('/api/ask/stream', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify({ question, conversationId })
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      view.answer.className = 'answer refused';
      view.answer.dataset.state = 'error';
      view.state.textContent = problem.title || ('HTTP ' + response.status);
      view.text.textContent = problem.detail || '';
      return;
    }
    for await (const event of events(response)) {
      if (event.name === 'token') {
        written += event.data.text;
        view.answer.dataset.state = 'streaming';
        view.state.textContent = 'Writing…';
        view.text.replaceChildren(markdown(written));
        view.text.scrollIntoView({ block: 'nearest' });
      } else if (event.name === 'done') {
        showResponse(view, event.data);
      } else if (event.name === 'error') {
        view.answer.dataset.state = 'error';
        view.state.textContent = event.data.title;
        view.text.textContent = event.data.detail;
      }
    }
  } catch (e) {
    view.answer.dataset.state = 'error';
    view.state.textContent = 'The bot could not be reached; try again.';
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = '';
  send.disabled = true;
  try {
    await ask(question);
  } finally {
    send.disabled = false;
    input.focus();
  }
});

input.addEventListener('keydown', event => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

document.getElementById('new-conversation').addEventListener('click', () => {
  conversationId = newConversationId();
  log.replaceChildren();
  input.focus();
});
