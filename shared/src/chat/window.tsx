// The chat window (A11, in the widgets' bundle): the visitor writes, the operator's name, avatar and
// replies come with the next poll (every second while it is open), "typing…" both ways, and the
// visit's conversation (a reload shows it again, an ended chat with its whole transcript). When
// nobody answers within the site's wait, it offers the request form, prefilled.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetApi } from '../widgets/api';
import type { ChatMessage, ChatState, PollFields } from './client';
import type { ChatTexts } from './texts';
import { Dialog, openDialog } from '../widgets/dialog';
import { openRequestForm } from '../widgets/request';
import { requestId } from '../util/random';
import { chatPoll } from './client';
import { fetchStatus } from './status';
import { chatTexts } from './texts';

export const POLL_MS = 1000;
/** The visitor's typing is reported for this long after the last key. */
const TYPING_MS = 3000;

const STYLE = `
.msgs{list-style:none;margin:0 0 12px;padding:0;max-height:50vh;overflow-y:auto}
.msgs li{margin:0 0 8px;padding:8px 12px;border-radius:10px;max-width:85%;white-space:pre-wrap;overflow-wrap:anywhere}
.msgs li[data-from=visitor]{margin-left:auto;background:#dbeafe}
.msgs li[data-from=operator]{background:#f1f5f9}
.who{display:flex;align-items:center;gap:10px;margin:0 0 12px;font-weight:600}
.who img{width:40px;height:40px;border-radius:50%}
.note{margin:0 0 12px;color:#475569;font-size:14px}
textarea{min-height:64px}
`.replace(/\n/g, '');

export function ChatWindow({ api, t, close }: { api: WidgetApi; t: ChatTexts; close: () => void }) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [chat, setChat] = useState<ChatState>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const last = useRef(0);
  const typedAt = useRef(0);
  const list = useRef<HTMLOListElement>(null);

  function take(answer: Awaited<ReturnType<typeof chatPoll>>): boolean {
    if (!answer) return setProblem(t.offline), false;
    if ('code' in answer) return setProblem(answer.code == 'rate_limited' ? t.tooFast : answer.code == 'no_visitor' ? t.unavailable : t.failed), false;
    setProblem('');
    setChat(answer);
    const fresh = answer.messages.filter((m) => m.id > last.current);
    if (fresh.length) {
      last.current = fresh[fresh.length - 1]!.id;
      setMessages((old) => [...old, ...fresh]);
    }
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
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages.length]);

  async function send(e: Event) {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    typedAt.current = 0;
    if (await poll({ text: value, request_id: requestId(), page: location.href })) setText('');
  }

  function request() {
    const message = messages.filter((m) => m.from == 'visitor').map((m) => m.text).join('\n');
    close();
    openRequestForm(api, { message });
  }

  const operator = chat?.operator;
  return (
    <form onSubmit={send} noValidate data-leadtrail-chat-state={chat?.state || 'none'}>
      {operator ? (
        <p class="who" data-leadtrail-operator>
          {operator.avatar ? <img src={operator.avatar} alt="" /> : null}
          <span>{operator.name}</span>
        </p>
      ) : <p class="intro">{t.intro}</p>}
      <ol class="msgs" ref={list} data-leadtrail-chat-messages aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} data-from={m.from}>
            <span class="hp">{m.from == 'visitor' ? t.you : operator?.name || t.operator}: </span>
            {m.text}
          </li>
        ))}
      </ol>
      {chat?.typing ? <p class="note" data-leadtrail-typing>{(operator?.name || t.operator) + ' ' + t.typing}</p> : null}
      {chat?.state == 'waiting' && !chat.no_answer ? <p class="note">{t.waiting}</p> : null}
      {chat?.state == 'ended' ? <p class="note">{t.ended}</p> : null}
      {chat?.no_answer ? (
        <p class="note" data-leadtrail-no-answer>
          {t.noAnswer} <button type="button" class="more" onClick={request}>{t.request}</button>
        </p>
      ) : null}
      <div class="field">
        <label for="lt-chat-text">{t.message}</label>
        <textarea id="lt-chat-text" name="text" rows={2} maxLength={2000} value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            typedAt.current = Date.now();
          }}
          onKeyDown={(e) => {
            if (e.key == 'Enter' && !e.shiftKey) void send(e);
          }} />
      </div>
      <p class="result failed" role="status" data-leadtrail-result>{problem}</p>
      <button type="submit" class="submit">{t.send}</button>
    </form>
  );
}

/**
 * A11: opens the chat window (or focuses it when it is open already) if an operator is available now,
 * else the request form (also when the server cannot say).
 */
export async function openChat(api: WidgetApi) {
  if (!(await fetchStatus(api.lean))) return void openRequestForm(api);
  const t = chatTexts();
  openDialog('chat', (close) => (
    <Dialog kind="chat" title={t.title} closeLabel={t.close} close={close}>
      <style>{STYLE}</style>
      <ChatWindow api={api} t={t} close={close} />
    </Dialog>
  ));
}
