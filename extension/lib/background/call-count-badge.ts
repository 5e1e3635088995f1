import type { Action } from 'webextension-polyfill';
import type { TabLog } from '../messages/tab-log';
import type { CaptureStore } from './capture-store';

/** The badge says how many API calls the tab made (since its page loaded, or in all if preserved). */
function badgeText(log: TabLog): string {
  const count = log.calls.length;
  if (count === 0) return '';
  return count > 999 ? '999+' : String(count);
}

export function showCallCountOnBadge(store: CaptureStore, action: Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor'>): void {
  void action.setBadgeBackgroundColor({ color: '#0b6e4f' });
  store.onChange((log) => {
    // Rejects when the tab has just closed; there is no badge left to set.
    action.setBadgeText({ tabId: log.tabId, text: badgeText(log) }).catch(() => undefined);
  });
}
