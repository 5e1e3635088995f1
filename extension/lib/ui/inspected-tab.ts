import type { Devtools } from 'webextension-polyfill';

/**
 * The tab the panel inspects: `?tabId=N` when opened as a page (from the popup, or a test), else
 * the DevTools window's inspected tab.
 */
export function inspectedTabId(search: string, devtools: Devtools.Static | undefined): number | undefined {
  const fromQuery = Number(new URLSearchParams(search).get('tabId') ?? Number.NaN);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  return devtools?.inspectedWindow.tabId;
}
