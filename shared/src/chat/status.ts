// The operators' status poll (in leadtrail-chat.js; the chat window asks once too): started by the first
// `getOperatorStatus()`, it asks `GET {collect}?op=chat_status` at once and then every 20 s
// while the page is visible (at once again when it shows), so that an operator who opens or closes the
// console changes the answer within 30 s. Pages that never ask never poll.
import type { ChatWatch } from './api';
import { leanUrl } from '../transport/lean';
import { isObj } from '../schemas/guards';

export const STATUS_EVERY_MS = 20000;

let first: Promise<void> | undefined;

/** `{success: true, result: {available}}` → available; anything else (no answer, a refusal) → undefined. */
export async function fetchStatus(collect: string): Promise<boolean | undefined> {
  try {
    const body: unknown = await (await fetch(leanUrl(collect, 'chat_status'), { cache: 'no-store' })).json();
    const r = isObj(body) && body.success === true && isObj(body.result) ? body.result.available : undefined;
    return typeof r == 'boolean' ? r : undefined;
  } catch {
    return undefined;
  }
}

export const watchStatus: ChatWatch = (hit, collect) => {
  const poll = async () => {
    const available = await fetchStatus(collect);
    const current = hit();
    // A failed poll keeps the last answer: the next one corrects it.
    if (current && available !== undefined) current.chat = available;
  };
  if (!first) {
    first = poll();
    setInterval(() => document.visibilityState != 'hidden' && void poll(), STATUS_EVERY_MS);
    document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && void poll());
  }
  return first;
};
