// What the widgets read from the server on their own (docs/contracts.md, "Widgets", "Callback
// orders"): the employee groups (`GET {collect}?op=groups`) and the callback settings
// (`GET {collect}?op=callback_settings`), from `{rest}groups` and `{rest}callback/settings` when the
// lean endpoint is not there. Nothing else: their writes go through the core.
import type { Reply } from '../transport/http';
import { isObj, isStr } from '../schemas/guards';
import { leanFirst, leanUrl } from '../transport/lean';
import { MAX_GROUP_ID } from '../schemas/formats';

export interface Group {
  id: number;
  name: string;
}

export interface CallbackSettings {
  /** Whether a callback order needs the captcha. */
  captcha: boolean;
  /** The settings' phone mask, if any. */
  mask?: string;
}

const isGroup = (g: unknown): g is Group =>
  isObj(g) && Number.isInteger(g.id) && (g.id as number) >= 1 && (g.id as number) <= MAX_GROUP_ID && isStr(g.name) && g.name != '';

/** Where the widgets read: the core's endpoints (WidgetApi). */
export interface Endpoints {
  /** `{collect}`. */
  lean: string;
  rest: string;
}

/** A GET's status and parsed JSON (undefined if not JSON); undefined when offline. Never rejects. */
async function get(url: string): Promise<Reply | undefined> {
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    return { status: res.status, body: await res.json().catch(() => {}) };
  } catch {
    // offline, blocked
  }
}

/**
 * The `result` of `GET {collect}?op=<op>` (or of `GET {rest}<path>`) when it answers
 * `{success: true, result}`; undefined otherwise (a 503 in an outage too: no REST call then).
 */
async function read({ lean, rest }: Endpoints, op: string, path: string): Promise<unknown> {
  const reply = await leanFirst(get, leanUrl(lean, op), rest + path);
  const body = reply?.body;
  if (reply && reply.status < 300 && isObj(body) && body.success === true) return body.result;
}

/** The site's groups; none when there are none or the answer is not usable (the choice is then hidden). */
export async function loadGroups(at: Endpoints): Promise<Group[]> {
  const r = await read(at, 'groups', 'groups');
  return Array.isArray(r) ? r.filter(isGroup) : [];
}

/** The callback settings; without a usable answer: no captcha (the server still says if one is needed: status 1). */
export async function loadCallbackSettings(at: Endpoints): Promise<CallbackSettings> {
  const r = await read(at, 'callback_settings', 'callback/settings');
  return isObj(r) ? { captcha: r.captcha === true, mask: isStr(r.mask) && r.mask ? r.mask : undefined } : { captcha: false };
}
