import { useEffect, useState } from 'preact/hooks';
import { browser } from '../browser-api';
import type { TabLog } from '../messages/tab-log';
import { watchTabLog } from './background-client';

/** The tab's log, kept current; undefined until the background first answers. */
export function useTabLog(tabId: number): TabLog | undefined {
  const [log, setLog] = useState<TabLog>();
  useEffect(() => watchTabLog(browser.runtime, tabId, setLog), [tabId]);
  return log;
}
