import type { Runtime } from 'webextension-polyfill';
import { PageResponse } from '../messages/page-channel';
import type { PageRequest } from '../messages/page-channel';
import { LOG_PORT_NAME, LogUpdateMessage } from '../messages/runtime-messages';
import type { AskPageMessage, ClearLogMessage, SetPreserveMessage, WatchTabMessage } from '../messages/runtime-messages';
import type { TabLog } from '../messages/tab-log';

type RuntimeApi = Pick<Runtime.Static, 'connect' | 'sendMessage'>;

/** The background may be stopped while the panel is open; the port then drops and is reopened. */
const RECONNECT_MS = 500;

/** Follows one tab's log: `onLog` gets it at once and after every change. Returns the unsubscribe. */
export function watchTabLog(runtime: RuntimeApi, tabId: number, onLog: (log: TabLog) => void): () => void {
  let stopped = false;
  let port: Runtime.Port | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  function connect() {
    port = runtime.connect({ name: LOG_PORT_NAME });
    port.onMessage.addListener((message: unknown) => {
      const update = LogUpdateMessage.safeParse(message);
      if (update.success) onLog(update.data.log);
    });
    port.onDisconnect.addListener(() => {
      if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
    });
    port.postMessage({ type: 'watch', tabId } satisfies WatchTabMessage);
  }

  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    port?.disconnect();
  };
}

export async function askPage(runtime: RuntimeApi, tabId: number, request: PageRequest): Promise<PageResponse> {
  try {
    const answer = PageResponse.safeParse(await runtime.sendMessage({ type: 'ask-page', tabId, request } satisfies AskPageMessage));
    return answer.success ? answer.data : { kind: 'failed', error: 'The background answered something unreadable.' };
  } catch (error) {
    return { kind: 'failed', error: `The background did not answer: ${String(error)}` };
  }
}

export async function clearLog(runtime: RuntimeApi, tabId: number): Promise<void> {
  await runtime.sendMessage({ type: 'clear-log', tabId } satisfies ClearLogMessage);
}

export async function setPreserve(runtime: RuntimeApi, tabId: number, preserve: boolean): Promise<void> {
  await runtime.sendMessage({ type: 'set-preserve', tabId, preserve } satisfies SetPreserveMessage);
}
