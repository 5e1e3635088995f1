// What the widgets read from the server on their own (docs/contracts.md, "Widgets", "Callback
// orders"): the employee groups (`GET {rest}groups`) and the callback settings
// (`GET {rest}callback/settings`). Nothing else: their writes go through the core.
import { isObj, isStr } from '../schemas/guards';
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

/** The `result` of `GET {rest}<path>` when it answers `{success: true, result}`; undefined otherwise. */
async function read(rest: string, path: string): Promise<unknown> {
  try {
    const res = await fetch(rest + path, { credentials: 'same-origin' });
    const body: unknown = await res.json();
    if (res.ok && isObj(body) && body.success === true) return body.result;
  } catch {
    // offline, not JSON
  }
}

/** The site's groups; none when there are none or the answer is not usable (the choice is then hidden). */
export async function loadGroups(rest: string): Promise<Group[]> {
  const r = await read(rest, 'groups');
  return Array.isArray(r) ? r.filter(isGroup) : [];
}

/** The callback settings; without a usable answer: no captcha (the server still says if one is needed: status 1). */
export async function loadCallbackSettings(rest: string): Promise<CallbackSettings> {
  const r = await read(rest, 'callback/settings');
  return isObj(r) ? { captcha: r.captcha === true, mask: isStr(r.mask) && r.mask ? r.mask : undefined } : { captcha: false };
}
