// The visitor's side of the chat: `POST {collect}?op=chat` with the visitor's id and token from its
// cookies (docs/contracts.md, "Chat"). The chat is always the token's visitor's own.
import { readVisitor } from '../identity/visitor';
import { postJson } from '../transport/http';
import { leanUrl } from '../transport/lean';
import { isObj } from '../schemas/guards';

export interface ChatMessage {
  id: number;
  from: 'visitor' | 'operator';
  text: string;
  at: number;
}

export interface ChatState {
  available: boolean;
  state: 'none' | 'waiting' | 'talking' | 'ended';
  operator: { name: string; avatar: string } | null;
  typing: boolean;
  /** Nobody took the chat within the site's wait (60 s by default): offer the request form. */
  no_answer: boolean;
  messages: ChatMessage[];
}

export interface PollFields {
  after: number;
  text?: string;
  request_id?: string;
  typing?: boolean;
  page?: string;
  /** The employee group a new chat is for (its first message carries it). */
  group_id?: number;
  /** The visitor's contacts, stored as `Comagic.addVisitorInfo` (A14) stores them. */
  name?: string;
  phone?: string;
  email?: string;
}

/** A refusal's code and the field it names ("" for none). */
export interface Refusal {
  code: string;
  field: string;
}

/** The answer's state, `{code, field}` of a refusal, or undefined without an answer (or without a visitor). */
export async function chatPoll(collect: string, fields: PollFields): Promise<ChatState | Refusal | undefined> {
  const visitor = readVisitor();
  if (!visitor) return { code: 'no_visitor', field: '' };
  const reply = await postJson(leanUrl(collect, 'chat'), JSON.stringify({ ...visitor, ...fields }), { timeout: 10000 });
  const body = reply?.body;
  if (!isObj(body) || !isObj(body.result)) return;
  return body.success === true
    ? (body.result as unknown as ChatState)
    : { code: String(body.result.code), field: typeof body.result.field == 'string' ? body.result.field : '' };
}
