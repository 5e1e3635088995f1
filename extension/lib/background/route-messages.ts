import type { Runtime, Tabs } from 'webextension-polyfill';
import { PageResponse } from '../messages/page-channel';
import type { PageRequest } from '../messages/page-channel';
import { BackgroundMessage } from '../messages/runtime-messages';
import type { ForwardedPageRequest } from '../messages/runtime-messages';
import type { CaptureStore } from './capture-store';

const UNREACHABLE =
  'The inspector cannot reach this page: browser pages are off limits, and a page opened before the extension was installed or reloaded must be reloaded.';

/** Passes a panel's request to the page hook through the tab's bridge (top frame only). */
async function askPage(tabs: Pick<Tabs.Static, 'sendMessage'>, tabId: number, request: PageRequest): Promise<PageResponse> {
  const forwarded: ForwardedPageRequest = { type: 'page-request', request };
  try {
    const response = PageResponse.safeParse(await tabs.sendMessage(tabId, forwarded, { frameId: 0 }));
    return response.success ? response.data : { kind: 'failed', error: 'The page answered something unreadable.' };
  } catch {
    return { kind: 'failed', error: UNREACHABLE };
  }
}

/**
 * Answers the bridge (call records) and the panel and popup (page requests, clear, preserve).
 * Only the extension's own pages may drive a tab: a content script, running inside a page, could
 * otherwise reach other tabs through the background.
 */
export function routeMessages(runtime: Pick<Runtime.Static, 'onMessage' | 'getURL'>, tabs: Pick<Tabs.Static, 'sendMessage'>, store: CaptureStore): void {
  const extensionOrigin = runtime.getURL('/');
  runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const parsed = BackgroundMessage.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    if (message.type !== 'hook-call' && !sender.url?.startsWith(extensionOrigin)) return undefined;
    switch (message.type) {
      case 'hook-call': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.frameId !== 0) return undefined;
        return store.recordCall(tabId, message.call, sender.url ?? sender.tab?.url ?? '').then(() => null);
      }
      case 'ask-page':
        return askPage(tabs, message.tabId, message.request);
      case 'clear-log':
        return store.clear(message.tabId);
      case 'set-preserve':
        return store.setPreserve(message.tabId, message.preserve);
    }
  });
}
