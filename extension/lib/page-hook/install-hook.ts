import { BRIDGE_SOURCE, BridgeRequestPost, HOOK_SOURCE } from '../messages/page-channel';
import type { JsonValue } from '../messages/json-value';
import type { HookCallPost, HookResponsePost, PageRequest, PageResponse } from '../messages/page-channel';
import { API_SHAPE, QUEUE_SHAPE, createApiProxies } from './api-proxy';
import { createCallRecorder } from './call-recorder';
import { trapGlobal } from './global-trap';
import { readSnapshot } from './read-snapshot';
import { runAction } from './run-action';
import { describeError, toJsonSafe } from './to-json-safe';

function randomId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Installs the page hook: traps the API globals before any page script runs, records every call
 * made through them, and answers the bridge's requests. Runs in the page's own (MAIN) world.
 */
export function installHook(win: Window & typeof globalThis): void {
  // Taken now, before page scripts can replace them.
  const post = win.postMessage.bind(win);
  const now = win.performance.now.bind(win.performance);
  const wallClock = Date.now;

  const recorder = createCallRecorder({
    emit: (call) => post({ source: HOOK_SOURCE, type: 'call', call } satisfies HookCallPost, '*'),
    now,
    wallClock,
    idPrefix: randomId(),
  });
  const proxies = createApiProxies(recorder);
  const comagic = trapGlobal(win, 'Comagic', (raw) => proxies.wrap(raw, 'Comagic', API_SHAPE));
  const widget = trapGlobal(win, 'ComagicWidget', (raw) => proxies.wrap(raw, 'ComagicWidget', API_SHAPE));
  const queue = trapGlobal(win, '__cs', (raw) => proxies.wrap(raw, '__cs', QUEUE_SHAPE));
  // LeadTrail's runtime hands its hit answer's `phones` (with why this visit got its number) to
  // the replacement chunk's global: kept as the chunk received it, for the Phones view.
  let phonesAnswer: JsonValue | null = null;
  trapGlobal(win, '__leadtrailPhones', (raw) =>
    typeof raw !== 'function'
      ? raw
      : function (this: unknown, ...args: unknown[]) {
          phonesAnswer = toJsonSafe(args[0]);
          return Reflect.apply(raw, this, args) as unknown;
        },
  );

  async function answer(request: PageRequest): Promise<PageResponse> {
    if (request.kind === 'run') return runAction(Reflect.get(win, 'Comagic'), recorder, request.action);
    const snapshot = await readSnapshot(
      {
        comagic: () => comagic?.raw() ?? Reflect.get(win, 'Comagic'),
        widget: () => widget?.raw() ?? Reflect.get(win, 'ComagicWidget'),
        queue: () => queue?.raw() ?? Reflect.get(win, '__cs'),
        phonesAnswer: () => phonesAnswer,
        chatView: () => {
          const view: unknown = Reflect.get(win, '__leadtrailChatView');
          return view === undefined || view === null ? null : toJsonSafe(view);
        },
      },
      win.document,
      win.location,
    );
    return { kind: 'snapshot', snapshot };
  }

  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== win || (event.data as { source?: unknown } | null)?.source !== BRIDGE_SOURCE) return;
    const parsed = BridgeRequestPost.safeParse(event.data);
    if (!parsed.success) return;
    const { id, request } = parsed.data;
    void answer(request)
      .catch((error: unknown): PageResponse => ({ kind: 'failed', error: describeError(error) }))
      .then((response) => post({ source: HOOK_SOURCE, type: 'response', id, response } satisfies HookResponsePost, '*'));
  });
}
