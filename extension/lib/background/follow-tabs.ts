import type { Tabs, WebNavigation } from 'webextension-polyfill';
import type { CaptureStore } from './capture-store';

/**
 * Ties logs to tabs' lives: a new document in a tab's top frame starts a new page (clearing the log
 * unless it is preserved); a closed tab's log is dropped, and so are logs of tabs that closed while
 * the background was not running.
 */
export function followTabs(
  store: CaptureStore,
  webNavigation: Pick<WebNavigation.Static, 'onCommitted'>,
  tabs: Pick<Tabs.Static, 'onRemoved' | 'query'>,
): Promise<void> {
  webNavigation.onCommitted.addListener((details) => {
    if (details.frameId === 0) void store.navigate(details.tabId, details.url, details.timeStamp);
  });
  tabs.onRemoved.addListener((tabId) => void store.forget(tabId));
  return tabs.query({}).then((open) => store.forgetAllBut(open.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]))));
}
