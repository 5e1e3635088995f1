// Cloud mode (docs/contracts.md, "Cloud mode"): the vendor's runtime runs the page, so nothing of
// ours adds the hidden credential fields (A6) that the plugin's server-side capture forwards with
// each lead. This small script waits for the vendor's `Comagic.getCredentials()` and copies them
// into every POST form with the same code as our own runtime (shared/src/forms/).
import { syncAll, type FieldValues } from '../forms/fields';
import { watchForms } from '../forms/watch';
import { SITE_KEY } from '../schemas/formats';

/** How often and how long to look for the vendor's runtime (it has no ready signal: F7). */
const POLL_MS = 200;
export const GIVE_UP_MS = 30_000;

type VendorCredentials = {
  site_key?: unknown;
  key?: unknown;
  visitor_id?: unknown;
  hit_id?: unknown;
  session_id?: unknown;
  consultant_server_url?: unknown;
};

const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) || (typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v));

/** The hidden fields' values from the vendor's credentials, or undefined while they are incomplete. */
export function valuesFrom(c: VendorCredentials | undefined | null, uri: string): FieldValues | undefined {
  if (!c || typeof c !== 'object') return undefined;
  const key = typeof c.site_key === 'string' ? c.site_key : c.key;
  const server = c.consultant_server_url;
  if (typeof key !== 'string' || !SITE_KEY.test(key)) return undefined;
  if (!id(c.visitor_id) || !id(c.session_id) || typeof server !== 'string' || !/^https?:\/\//.test(server)) return undefined;
  return {
    site_key: key,
    key,
    uri,
    visitor_id: c.visitor_id as number,
    hit_id: id(c.hit_id) ? (c.hit_id as number) : '',
    session_id: c.session_id as number,
    consultant_server_url: server,
  };
}

/** Reads the vendor's credentials; a runtime that is not there yet or throws gives undefined. */
export function read(win: Window & { Comagic?: { getCredentials?: () => VendorCredentials } }): FieldValues | undefined {
  try {
    return valuesFrom(win.Comagic?.getCredentials?.(), win.location.href);
  } catch {
    return undefined;
  }
}

/**
 * Polls for the vendor's runtime, then fills the forms and keeps them filled (forms added later,
 * `uri` at submit time, new ids after the vendor's next hit). Returns a stop function.
 */
export function start(win: Window & typeof globalThis = window): () => void {
  let stopWatching: (() => void) | undefined;
  // Only forms that post to this site: its server captures the lead (contracts.md, "Hidden form fields").
  const origins = [win.location.origin];
  const began = Date.now();
  const tick = () => {
    const values = read(win);
    if (values) {
      syncAll(values, origins);
      if (!stopWatching) stopWatching = watchForms(() => read(win), origins);
    } else if (!stopWatching && Date.now() - began > GIVE_UP_MS) {
      win.clearInterval(timer);
      console.warn('LeadTrail: the CoMagic runtime did not give credentials; forms get no hidden fields.');
    }
  };
  // Keep polling slowly after the first success: the vendor may assign a new session or hit.
  const timer = win.setInterval(tick, POLL_MS);
  tick();
  return () => {
    win.clearInterval(timer);
    stopWatching?.();
  };
}
