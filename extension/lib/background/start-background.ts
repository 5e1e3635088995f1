import type { Browser } from 'webextension-polyfill';
import { CaptureStore } from './capture-store';
import { showCallCountOnBadge } from './call-count-badge';
import { captureTrackingTraffic } from './capture-tracking-traffic';
import { followTabs } from './follow-tabs';
import { routeMessages } from './route-messages';
import { serveLogPorts } from './serve-log-ports';

export type BackgroundApis = Pick<Browser, 'storage' | 'action' | 'webNavigation' | 'tabs' | 'webRequest' | 'runtime'>;

/**
 * Wires the background: every listener is added synchronously, as an MV3 service worker must, so
 * that the event that woke it is delivered. Returns the store and the start-up clean-up.
 */
export function startBackground(api: BackgroundApis): { store: CaptureStore; ready: Promise<void> } {
  const store = new CaptureStore(api.storage.session);
  showCallCountOnBadge(store, api.action);
  const ready = followTabs(store, api.webNavigation, api.tabs);
  captureTrackingTraffic(api.webRequest, store);
  routeMessages(api.runtime, api.tabs, store);
  serveLogPorts(api.runtime, store);
  return { store, ready };
}
