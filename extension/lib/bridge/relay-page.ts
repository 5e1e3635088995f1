import type { Runtime } from 'webextension-polyfill';
import { BRIDGE_SOURCE, HOOK_SOURCE, HookCallPost, HookResponsePost } from '../messages/page-channel';
import type { BridgeRequestPost, PageRequest, PageResponse } from '../messages/page-channel';
import { ForwardedPageRequest } from '../messages/runtime-messages';
import type { HookCallMessage } from '../messages/runtime-messages';

/** Long enough for an action's answer (the hook waits 10 s) plus the snapshot's reads. */
const PAGE_TIMEOUT_MS = 15_000;

/**
 * The isolated content script's job: pass the hook's call records to the background, and the
 * background's requests to the hook (and the answers back). Only messages that parse pass.
 */
export function relayPage(win: Window, runtime: Pick<Runtime.Static, 'sendMessage' | 'onMessage'>): void {
  const waiting = new Map<string, (response: PageResponse) => void>();
  let counter = 0;

  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== win || (event.data as { source?: unknown } | null)?.source !== HOOK_SOURCE) return;
    const call = HookCallPost.safeParse(event.data);
    if (call.success) {
      const message: HookCallMessage = { type: 'hook-call', call: call.data.call };
      // Throws or rejects once the extension was reloaded under this page: nobody listens any more.
      Promise.resolve()
        .then(() => runtime.sendMessage(message))
        .catch(() => undefined);
      return;
    }
    const response = HookResponsePost.safeParse(event.data);
    if (response.success) waiting.get(response.data.id)?.(response.data.response);
  });

  function askHook(request: PageRequest): Promise<PageResponse> {
    const id = `${Date.now()}-${++counter}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish({ kind: 'failed', error: 'the page did not answer (is the page hook blocked?)' }), PAGE_TIMEOUT_MS);
      function finish(response: PageResponse) {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(response);
      }
      waiting.set(id, finish);
      win.postMessage({ source: BRIDGE_SOURCE, id, request } satisfies BridgeRequestPost, '*');
    });
  }

  runtime.onMessage.addListener((message: unknown) => {
    const forwarded = ForwardedPageRequest.safeParse(message);
    // Returning undefined leaves other messages to other listeners.
    return forwarded.success ? askHook(forwarded.data.request) : undefined;
  });
}
