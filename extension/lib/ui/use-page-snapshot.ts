import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../browser-api';
import type { PageSnapshot } from '../messages/page-snapshot';
import type { TabLog } from '../messages/tab-log';
import { askPage } from './background-client';

export type SnapshotState = { state: 'loading' } | { state: 'ready'; snapshot: PageSnapshot } | { state: 'failed'; error: string };

/** Calls change the page's state (ids, properties): read it again a moment after a burst of them. */
const SETTLE_MS = 300;
/** A runtime still loading makes no calls that would trigger a new read: look again this often. */
const UNSETTLED_RETRY_MS = 1000;
/**
 * getOperatorStatus() and the chat window change without any API call (the runtime's polls are not
 * calls): while the page has them, look again this often so the panel follows them live.
 */
const CHAT_FOLLOW_MS = 5000;

/** No runtime yet, or no credentials yet (R1: none before the first hit answer). */
function isUnsettled(state: SnapshotState): boolean {
  if (state.state !== 'ready') return true;
  const { comagic } = state.snapshot;
  if (!comagic.present || !comagic.credentials.ok) return true;
  const credentials = comagic.credentials.value;
  // An object, and not the `{ $lt: 'undefined' }` tag of a getter that has nothing yet.
  return typeof credentials !== 'object' || credentials === null || Array.isArray(credentials) || '$lt' in credentials;
}

/** A page whose getOperatorStatus() answers, or that opened a chat window. */
function hasChat(state: SnapshotState): boolean {
  const chat = state.state === 'ready' ? state.snapshot.chat : null;
  return chat !== null && (chat.operatorStatus.ok || chat.window !== null);
}

/** The page's state as the hook reads it; read again after new calls, a navigation, or `refresh`. */
export function usePageSnapshot(tabId: number, log: TabLog | undefined) {
  const [state, setState] = useState<SnapshotState>({ state: 'loading' });
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  const lastCall = log?.calls.at(-1);
  const trigger = `${log?.pages.at(-1)?.page}:${log?.calls.length}:${lastCall?.id}:${lastCall?.status}:${asked}`;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void askPage(browser.runtime, tabId, { kind: 'inspect' }).then((response) => {
        if (!current) return;
        if (response.kind === 'snapshot') setState({ state: 'ready', snapshot: response.snapshot });
        else setState({ state: 'failed', error: response.kind === 'failed' ? response.error : 'unexpected answer' });
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tabId, trigger]);

  useEffect(() => {
    const wait = isUnsettled(state) ? UNSETTLED_RETRY_MS : hasChat(state) ? CHAT_FOLLOW_MS : 0;
    if (wait === 0) return;
    const timer = setTimeout(refresh, wait);
    return () => clearTimeout(timer);
  }, [state, refresh]);

  return { snapshot: state, refresh };
}
