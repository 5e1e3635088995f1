import type { JsonValue, ReadResult } from '../messages/json-value';
import type { ChatSnapshot, ComagicState, PageSnapshot, QueueState, RuntimeIdentity } from '../messages/page-snapshot';
import { ChatWindowState } from '../messages/page-snapshot';
import { withTimeout } from '../with-timeout';
import { COMAGIC_METHODS, WIDGET_METHODS } from './documented-api';
import { readPhones } from './read-phones';
import { describeError, toJsonSafe } from './to-json-safe';

/** The page's globals as the page assigned them (not the recording proxies). */
export interface RawGlobals {
  comagic(): unknown;
  widget(): unknown;
  queue(): unknown;
  /** The `phones` LeadTrail's runtime handed to its replacement chunk, once it did. */
  phonesAnswer(): JsonValue | null;
  /** LeadTrail's chat window state (`window.__leadtrailChatView`), JSON-safe; null when absent. */
  chatView(): JsonValue | null;
}

const PROPERTIES_TIMEOUT_MS = 3000;

function member(owner: unknown, path: string): unknown {
  let value = owner;
  for (const key of path.split('.')) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function callMethod(owner: unknown, name: string): ReadResult {
  try {
    const method = member(owner, name);
    if (typeof method !== 'function') return { ok: false, error: `${name} is not a function` };
    return { ok: true, value: toJsonSafe(Reflect.apply(method, owner, [])) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

function missingMethods(owner: unknown, methods: readonly string[]): string[] {
  return methods.filter((path) => {
    try {
      return typeof member(owner, path) !== 'function';
    } catch {
      return true;
    }
  });
}

function findLoaderScript(doc: Document): string | null {
  const script = doc.querySelector<HTMLScriptElement>('script[src*="comagic"], script[src*="uiscom"], script[src*="cs.min.js"]');
  return script?.src ?? null;
}

function identify(api: unknown, doc: Document): RuntimeIdentity {
  try {
    const mark = member(api, '__leadtrail') as { runtime?: unknown; version?: unknown } | undefined;
    if (mark?.runtime === 'leadtrail') return { name: 'leadtrail', version: String(mark.version) };
  } catch {
    // A throwing `__leadtrail` is not LeadTrail's.
  }
  return { name: 'vendor', loader: findLoaderScript(doc) };
}

async function readProperties(api: unknown): Promise<ReadResult | null> {
  let list: unknown;
  try {
    const mark = member(api, '__leadtrail');
    list = member(mark, 'properties');
    if (typeof list !== 'function') return null;
    const listed = Promise.resolve(Reflect.apply(list, mark, []));
    return { ok: true, value: toJsonSafe(await withTimeout(listed, PROPERTIES_TIMEOUT_MS, `no answer in ${PROPERTIES_TIMEOUT_MS} ms`)) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

async function readComagic(api: unknown, doc: Document): Promise<ComagicState> {
  if (api === undefined || api === null) return { present: false };
  return {
    present: true,
    runtime: identify(api, doc),
    missing: missingMethods(api, COMAGIC_METHODS),
    credentials: callMethod(api, 'getCredentials'),
    visitorId: callMethod(api, 'getVisitorId'),
    sessionId: callMethod(api, 'getSessionId'),
    properties: await readProperties(api),
  };
}

/**
 * `getOperatorStatus()` now (on LeadTrail's runtime the first call starts its status poll, as a page's
 * would) and the chat window's state, when the page holds one of the expected shape.
 */
function readChat(api: unknown, view: JsonValue | null): ChatSnapshot | null {
  if (api === undefined || api === null) return null;
  const parsed = view === null ? null : ChatWindowState.safeParse(view);
  return { operatorStatus: callMethod(api, 'getOperatorStatus'), window: parsed?.success ? parsed.data : null };
}

function readQueue(queue: unknown): QueueState {
  if (queue === undefined || queue === null) return { state: 'absent' };
  if (Array.isArray(queue)) {
    const commands = toJsonSafe(queue);
    return { state: 'waiting', commands: Array.isArray(commands) ? commands : [commands] };
  }
  return { state: 'live' };
}

/**
 * Reads what the panel shows. Reads go to the page's own objects, not the proxies, so they do not
 * appear in the timeline; each read that throws is reported in its place, never thrown.
 */
export async function readSnapshot(globals: RawGlobals, doc: Document, location: Location): Promise<PageSnapshot> {
  const widget = globals.widget();
  const comagic = globals.comagic();
  return {
    url: location.href,
    title: doc.title,
    comagic: await readComagic(comagic, doc),
    widgetMissing: widget === undefined || widget === null ? null : missingMethods(widget, WIDGET_METHODS),
    queue: readQueue(globals.queue()),
    phones: readPhones(comagic, globals.phonesAnswer(), doc),
    chat: readChat(comagic, globals.chatView()),
  };
}
