// The operator console (built to wp-plugin/assets/build/leadtrail-chat-console.js, loaded on LeadTrail >
// Chats): presence heartbeats, the list of waiting and open chats, and the chat the operator looks at.
// Everything shown is set as text (dom.ts).
import type { ChatAnswer, ListAnswer, Message } from './types';
import { el } from './dom';
import { rest } from './rest';
import { alert } from './alert';

/** Heartbeats keep the console counted as open (the server holds each for 45 s). */
const BEAT_MS = 15000;
const LIST_MS = 2000;
const CHAT_MS = 1000;
const TYPING_MS = 2000;

const root = document.getElementById('leadtrail-chat-console');
if (root) start(root);

function start(root: HTMLElement) {
  const t = JSON.parse(root.dataset.texts || '{}') as Record<string, string>;
  const api = rest(root.dataset.rest || '', root.dataset.nonce || '');
  const list = root.querySelector<HTMLElement>('.leadtrail-chat-list')!;
  const view = root.querySelector<HTMLElement>('.leadtrail-chat-view')!;
  const errorLine = root.querySelector<HTMLElement>('.leadtrail-chat-error')!;
  const checked = (name: string) => !!root.querySelector<HTMLInputElement>(`input[name=${name}]`)?.checked;

  let active = true;
  let chosen: string | undefined = 'available';
  const seen = new Set<number>();
  let firstList = true;
  let current: { id: number; last: number; box: HTMLElement; typing: HTMLElement } | undefined;
  let operators: ListAnswer['operators'] = [];

  for (const type of ['mousemove', 'keydown', 'click', 'scroll', 'focus']) addEventListener(type, () => (active = true), true);

  async function beat() {
    const status = chosen;
    chosen = undefined;
    const answer = await api.call<{ status: string }>('chat/presence', 'POST', { ...(status && { status }), active });
    active = false;
    if (answer) for (const r of root.querySelectorAll<HTMLInputElement>('input[name=leadtrail-presence]')) r.checked = r.value == answer.status;
  }
  for (const r of root.querySelectorAll<HTMLInputElement>('input[name=leadtrail-presence]')) {
    r.addEventListener('change', () => {
      chosen = r.value;
      active = true;
      void beat();
    });
  }
  // Closing the console makes the operator away at once, not when the last heartbeat runs out.
  addEventListener('pagehide', () => api.beacon('chat/presence', { status: 'closed' }));

  async function refreshList() {
    const answer = await api.call<ListAnswer>('chat/chats');
    errorLine.textContent = answer ? '' : t.failed || '';
    if (!answer) return;
    operators = answer.operators;
    const fresh = answer.chats.filter((c) => c.status == 'waiting' && !seen.has(c.id));
    for (const c of answer.chats) seen.add(c.id);
    if (fresh.length && !firstList) alert(t.newChat || '', checked('leadtrail-sound'), checked('leadtrail-notify'));
    firstList = false;
    list.replaceChildren(
      ...(answer.chats.length
        ? answer.chats.map((c) => {
            const v = c.visitor;
            const who = v.name || `${t.visitor} ${c.visitor_id}`;
            const item = el(
              'li',
              {
                'data-chat-id': c.id,
                'data-status': c.status,
                class: 'card',
                style: 'padding:8px;margin:0 0 8px;cursor:pointer' + (current?.id == c.id ? ';outline:2px solid #2271b1' : ''),
              },
              el('strong', {}, who),
              ' ',
              el('span', { class: 'leadtrail-chat-state' }, t[c.status] || c.status, c.operator ? ` (${c.operator.name})` : ''),
              c.unread && c.mine ? el('span', { class: 'awaiting-mod', style: 'margin-left:6px' }, String(c.unread)) : null,
              el('div', {}, `${t.page}: `, c.page),
              v.source
                ? el('div', {}, `${t.source}: `, [v.source.source, v.source.medium, v.source.campaign].filter(Boolean).join(' / ') || v.source.referrer || '-')
                : null,
              v.source ? el('div', {}, `${t.pages}: `, v.source.hits || '0') : null,
              v.contacts.length ? el('div', {}, `${t.contacts}: `, v.contacts.join(', ')) : null,
              v.properties.length
                ? el('div', {}, `${t.properties}: `, v.properties.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`)).join('; '))
                : null,
              el('div', {}, `${t.requests}: `, String(v.requests)),
            );
            item.addEventListener('click', () => open(c.id));
            return item;
          })
        : [el('li', {}, t.noChats || '')]),
    );
  }

  function open(id: number) {
    if (current?.id == id) return;
    const box = el('ol', {
      class: 'leadtrail-chat-messages',
      style: 'list-style:none;margin:0;padding:8px;max-height:50vh;overflow:auto;background:#fff;border:1px solid #c3c4c7',
    });
    const typing = el('p', { class: 'leadtrail-chat-typing', 'aria-live': 'polite' });
    current = { id, last: 0, box, typing };
    view.replaceChildren(el('div', { class: 'leadtrail-chat-actions' }), box, typing, el('div', { class: 'leadtrail-chat-reply' }));
    void refreshChat();
  }

  function actions(chat: ChatAnswer) {
    const bar = view.querySelector<HTMLElement>('.leadtrail-chat-actions')!;
    const reply = view.querySelector<HTMLElement>('.leadtrail-chat-reply')!;
    const key = `${chat.status}|${chat.mine}`;
    if (bar.dataset.key == key) return;
    bar.dataset.key = key;
    bar.replaceChildren();
    reply.replaceChildren();
    if (chat.status == 'waiting') {
      const claim = el('button', { type: 'button', class: 'button button-primary', 'data-action': 'claim' }, t.claim || '');
      claim.addEventListener('click', async () => {
        const ok = await api.call('chat/chats/' + chat.id + '/claim', 'POST');
        if (!ok) bar.append(el('p', { class: 'leadtrail-chat-claimed', role: 'alert' }, api.last == 'already_claimed' ? t.claimed || '' : t.failed || ''));
        void refreshChat();
      });
      bar.append(claim);
    }
    if (chat.status != 'talking' || !chat.mine) return;
    const end = el('button', { type: 'button', class: 'button', 'data-action': 'end' }, t.end || '');
    end.addEventListener('click', () => void api.call('chat/chats/' + chat.id + '/end', 'POST').then(refreshChat));
    const select = el(
      'select',
      { name: 'transfer' },
      el('option', { value: '' }, t.transfer || ''),
      ...operators.filter((o) => String(o.id) != root.dataset.user).map((o) => el('option', { value: o.id }, o.name)),
    );
    select.addEventListener('change', () => {
      const to = Number((select as HTMLSelectElement).value);
      if (to) void api.call('chat/chats/' + chat.id + '/transfer', 'POST', { operator_id: to }).then(refreshChat);
    });
    bar.append(end, ' ', select);
    const text = el('textarea', { name: 'reply', rows: 3, maxlength: 2000, 'aria-label': t.message, style: 'width:100%' }) as HTMLTextAreaElement;
    const send = el('button', { type: 'submit', class: 'button button-primary', 'data-action': 'send' }, t.send || '');
    const form = el('form', {}, text, send);
    let typedAt = 0;
    text.addEventListener('input', () => {
      if (Date.now() - typedAt > TYPING_MS) {
        typedAt = Date.now();
        void api.call('chat/chats/' + chat.id + '/typing', 'POST');
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      if (await api.call('chat/chats/' + chat.id + '/messages', 'POST', { text: value })) text.value = '';
      void refreshChat();
    });
    reply.append(form);
  }

  function show(m: Message) {
    current!.box.append(
      el(
        'li',
        { 'data-from': m.from, 'data-id': m.id, style: 'margin:4px 0' },
        el('strong', {}, m.from == 'visitor' ? t.visitor || '' : t.you || '', ': '),
        el('span', { class: 'text', style: 'white-space:pre-wrap' }, m.text),
      ),
    );
  }

  let busy = false;
  async function refreshChat() {
    const c = current;
    if (!c || busy) return;
    busy = true;
    const chat = await api.call<ChatAnswer>(`chat/chats/${c.id}?after=${c.last}`);
    busy = false;
    if (!chat || current != c) return;
    for (const m of chat.messages)
      if (m.id > c.last) {
        show(m);
        c.last = m.id;
      }
    if (chat.messages.length) c.box.scrollTop = c.box.scrollHeight;
    c.typing.textContent = chat.visitor_typing ? t.typing || '' : '';
    actions(chat);
  }

  void beat();
  void refreshList();
  setInterval(beat, BEAT_MS);
  setInterval(refreshList, LIST_MS);
  setInterval(refreshChat, CHAT_MS);
}
