import type { Runtime } from 'webextension-polyfill';
import { LOG_PORT_NAME, WatchTabMessage } from '../messages/runtime-messages';
import type { LogUpdateMessage } from '../messages/runtime-messages';
import type { TabLog } from '../messages/tab-log';
import type { CaptureStore } from './capture-store';

/** A page firing calls in a loop would otherwise push its whole log to the panel on each one. */
const BATCH_MS = 50;

/**
 * Keeps each open panel (or popup) up to date with the log of the tab it watches. Only the
 * extension's own pages may watch: a tab's log is not for content scripts in other tabs.
 */
export function serveLogPorts(runtime: Pick<Runtime.Static, 'onConnect' | 'getURL'>, store: CaptureStore): void {
  const extensionOrigin = runtime.getURL('/');
  const watched = new Map<Runtime.Port, number>();
  const due = new Map<Runtime.Port, TabLog>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function sendDue() {
    timer = undefined;
    for (const [port, log] of due) {
      const update: LogUpdateMessage = { type: 'log', log };
      try {
        port.postMessage(update);
      } catch {
        watched.delete(port);
      }
    }
    due.clear();
  }

  function send(port: Runtime.Port, log: TabLog) {
    due.set(port, log);
    timer ??= setTimeout(sendDue, BATCH_MS);
  }

  store.onChange((log) => {
    for (const [port, tabId] of watched) if (tabId === log.tabId) send(port, log);
  });

  runtime.onConnect.addListener((port) => {
    if (port.name !== LOG_PORT_NAME || !port.sender?.url?.startsWith(extensionOrigin)) return;
    port.onMessage.addListener((message: unknown) => {
      const watch = WatchTabMessage.safeParse(message);
      if (!watch.success) return;
      watched.set(port, watch.data.tabId);
      void store.get(watch.data.tabId).then((log) => send(port, log));
    });
    port.onDisconnect.addListener(() => {
      watched.delete(port);
      due.delete(port);
    });
  });
}
