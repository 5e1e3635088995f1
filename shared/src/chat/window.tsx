// The chat window (A11, in the widgets' bundle, a docked panel): the visitor writes, the operator's name,
// avatar and replies come with the next poll (every second while it is open), "typing…" both ways, and
// the visit's conversation (a reload shows it again, an ended chat with its whole transcript). A new
// chat can be for an employee group (the site's groups, as the request form offers them); the visitor
// can leave a name, phone and e-mail. When nobody answers within the site's wait, it offers the request
// form, prefilled.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetApi } from '../widgets/api';
import type { ChatMessage, ChatState, PollFields, Refusal } from './client';
import type { ChatTexts } from './texts';
import type { Group } from '../widgets/groups';
import { openRequestForm } from '../widgets/request';
import { loadGroups } from '../widgets/groups';
import { GroupField, errorId, fieldId } from '../widgets/form';
import { texts } from '../widgets/i18n';
import { openPanel } from './panel';
import { publishView, type ChatView } from './view';
import { requestId } from '../util/random';
import { chatPoll } from './client';
import { fetchStatus } from './status';
import { chatTexts } from './texts';

const POLL_MS = 1000;
/** The visitor's typing is reported for this long after the last key. */
const TYPING_MS = 3000;

const STYLE = `
.msgs{list-style:none;margin:0 0 12px;padding:0;max-height:40vh;overflow-y:auto}
details{margin:0 0 12px}
summary{cursor:pointer;color:#1d4ed8;font-size:14px;margin:0 0 8px}
.msgs li{margin:0 0 8px;padding:8px 12px;border-radius:10px;max-width:85%;white-space:pre-wrap;overflow-wrap:anywhere}
.msgs li[data-from=visitor]{margin-left:auto;background:#dbeafe}
.msgs li[data-from=operator]{background:#f1f5f9}
.who{display:flex;align-items:center;gap:10px;margin:0 0 12px;font-weight:600}
.who img{width:40px;height:40px;border-radius:50%}
.note{margin:0 0 12px;color:#475569;font-size:14px}
textarea{min-height:64px}
`.replace(/\n/g, '');

type Contacts = Record<'name' | 'phone' | 'email', string>;

/** The widgets' text for a refusal of the contacts, by its code. */
function contactError(code: string): keyof ReturnType<typeof texts> {
  return code == 'missing_contact'
    ? 'contactMissing'
    : code == 'invalid_phone'
      ? 'phoneInvalid'
      : code == 'invalid_email'
        ? 'emailInvalid'
        : code == 'invalid_name'
          ? 'tooLong'
          : 'fieldInvalid';
}

function ChatWindow({ api, t, close }: { api: WidgetApi; t: ChatTexts; close: () => void }) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [chat, setChat] = useState<ChatState>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [groups, setGroups] = useState<Group[]>([]);
  const [group, setGroup] = useState('');
  const [contacts, setContacts] = useState<Contacts>({ name: '', phone: '', email: '' });
  const [contactsResult, setContactsResult] = useState<Refusal | 'saved'>();
  const last = useRef(0);
  const typedAt = useRef(0);
  const list = useRef<HTMLOListElement>(null);
  const w = texts();
  // A poll's answer that comes after the window closed changes nothing: the page's view stays "closed".
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  function take(answer: Awaited<ReturnType<typeof chatPoll>>): Refusal | boolean {
    if (!mounted.current) return false;
    if (!answer) return (setProblem(t.offline), false);
    if ('code' in answer) return (setProblem(answer.code == 'rate_limited' ? t.tooFast : answer.code == 'no_visitor' ? t.unavailable : t.failed), answer);
    setProblem('');
    setChat(answer);
    const fresh = answer.messages.filter((m) => m.id > last.current);
    if (fresh.length) last.current = fresh[fresh.length - 1]!.id;
    setMessages((old) => {
      const all = fresh.length ? [...old, ...fresh] : old;
      publishView({ state: answer.state, operator: answer.operator?.name ?? null, messages: all });
      return all;
    });
    return true;
  }

  const poll = (fields: Omit<PollFields, 'after'> = {}) =>
    chatPoll(api.lean, { after: last.current, typing: Date.now() - typedAt.current < TYPING_MS, ...fields }).then(take);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const loop = async (fields?: Omit<PollFields, 'after'>) => {
      await poll(fields);
      if (!stopped) timer = setTimeout(loop, POLL_MS);
    };
    void loop({ page: location.href });
    void loadGroups(api).then(setGroups);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // One loop for the window's life: `poll` reads the state it needs through refs.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages.length]);

  async function send(e: Event) {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    typedAt.current = 0;
    const open = chat?.state == 'waiting' || chat?.state == 'talking';
    const to = !open && group ? { group_id: Number(group) } : {};
    if ((await poll({ text: value, request_id: requestId(), page: location.href, ...to })) === true) setText('');
  }

  async function saveContacts() {
    const given = Object.fromEntries(
      Object.entries(contacts)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    const answer = await poll({ ...given, page: location.href });
    setContactsResult(answer === true ? 'saved' : answer || undefined);
  }

  /** A contact field with its label and, when the server refused it, the reason. */
  function contactField(name: keyof Contacts, type: string, autocomplete: string) {
    const refused = contactsResult != 'saved' && contactsResult?.field == name;
    return (
      <div class="field">
        <label for={fieldId(name)}>{w[name]}</label>
        <input
          id={fieldId(name)}
          name={name}
          type={type}
          autocomplete={autocomplete}
          value={contacts[name]}
          aria-invalid={refused ? 'true' : undefined}
          aria-describedby={refused ? errorId(name) : undefined}
          onInput={(e) => setContacts({ ...contacts, [name]: e.currentTarget.value })}
        />
        {refused ? (
          <p class="error" id={errorId(name)}>
            {w[contactError(contactsResult.code)]}
          </p>
        ) : null}
      </div>
    );
  }

  function request() {
    const message = messages
      .filter((m) => m.from == 'visitor')
      .map((m) => m.text)
      .join('\n');
    close();
    openRequestForm(api, { message });
  }

  const operator = chat?.operator;
  const newChat = !chat || chat.state == 'none' || chat.state == 'ended';
  return (
    <form onSubmit={send} noValidate data-leadtrail-chat-state={chat?.state || 'none'}>
      {operator ? (
        <p class="who" data-leadtrail-operator>
          {operator.avatar ? <img src={operator.avatar} alt="" /> : null}
          <span>{operator.name}</span>
        </p>
      ) : (
        <p class="intro">{t.intro}</p>
      )}
      <ol class="msgs" ref={list} data-leadtrail-chat-messages aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} data-from={m.from}>
            <span class="hp">{m.from == 'visitor' ? t.you : operator?.name || t.operator}: </span>
            {m.text}
          </li>
        ))}
      </ol>
      {chat?.typing ? (
        <p class="note" data-leadtrail-typing>
          {(operator?.name || t.operator) + ' ' + t.typing}
        </p>
      ) : null}
      {chat?.state == 'waiting' && !chat.no_answer ? <p class="note">{t.waiting}</p> : null}
      {chat?.state == 'ended' ? <p class="note">{t.ended}</p> : null}
      {chat?.no_answer ? (
        <p class="note" data-leadtrail-no-answer>
          {t.noAnswer}{' '}
          <button type="button" class="more" onClick={request}>
            {t.request}
          </button>
        </p>
      ) : null}
      {newChat ? <GroupField t={w} groups={groups} value={group} onChange={setGroup} invalid={{}} error={null} /> : null}
      <div class="field">
        <label for="lt-chat-text">{t.message}</label>
        <textarea
          id="lt-chat-text"
          name="text"
          rows={2}
          maxLength={2000}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            typedAt.current = Date.now();
          }}
          onKeyDown={(e) => {
            if (e.key == 'Enter' && !e.shiftKey) void send(e);
          }}
        />
      </div>
      <p class="result failed" role="status" data-leadtrail-result>
        {problem}
      </p>
      <button type="submit" class="submit">
        {t.send}
      </button>
      <details data-leadtrail-chat-contacts>
        <summary>{t.contacts}</summary>
        {contactField('name', 'text', 'name')}
        {contactField('phone', 'tel', 'tel')}
        {contactField('email', 'email', 'email')}
        <p class="result sent" role="status">
          {contactsResult == 'saved' ? t.contactsSaved : ''}
        </p>
        <button type="button" class="more" data-action="save-contacts" onClick={() => void saveContacts()}>
          {t.saveContacts}
        </button>
      </details>
    </form>
  );
}

/**
 * A11: opens the chat panel (or focuses it when it is open already) if an operator is available now,
 * else the request form (also when the server cannot say).
 */
export async function openChat(api: WidgetApi) {
  if (!(await fetchStatus(api.lean))) return void openRequestForm(api);
  const t = chatTexts();
  openPanel(
    'chat',
    t.title,
    t.close,
    (close) => (
      <>
        <style>{STYLE}</style>
        <ChatWindow api={api} t={t} close={close} />
      </>
    ),
    () => {
      const view = (window as { __leadtrailChatView?: ChatView }).__leadtrailChatView;
      publishView({ state: 'closed', operator: view?.operator ?? null, messages: view?.messages ?? [] });
    },
  );
}
