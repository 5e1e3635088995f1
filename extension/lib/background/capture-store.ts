import type { Storage } from 'webextension-polyfill';
import type { CallRecord } from '../messages/call-record';
import type { NetworkRecord, TabLog } from '../messages/tab-log';

export interface StoreLimits {
  calls: number;
  requests: number;
}

/** Enough for a long debugging session, small enough for storage.session's quota over many tabs. */
const DEFAULT_LIMITS: StoreLimits = { calls: 1000, requests: 500 };

const keyOf = (tabId: number) => `tab:${tabId}`;

function emptyLog(tabId: number): TabLog {
  return { tabId, preserve: false, pages: [], calls: [], requests: [], dropped: 0 };
}

const currentPage = (log: TabLog) => log.pages.at(-1)?.page ?? 0;

/** Entries need a page to belong to, even when the document's navigation was never seen. */
function ensurePage(log: TabLog, url: string, at: number): void {
  if (log.pages.length === 0) log.pages.push({ page: 1, url, at });
}

function trim<T>(log: TabLog, list: T[], limit: number): void {
  const excess = list.length - limit;
  if (excess > 0) {
    list.splice(0, excess);
    log.dropped += excess;
  }
}

/**
 * Everything captured per tab: API calls, tracking requests, the pages visited. Kept in memory and
 * mirrored to a storage area (storage.session) because an MV3 background may be stopped at any idle
 * moment; loaded back lazily per tab.
 */
export class CaptureStore {
  private readonly logs = new Map<number, Promise<TabLog>>();
  private readonly listeners = new Set<(log: TabLog) => void>();
  private readonly unsaved = new Set<number>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: Storage.StorageArea,
    private readonly limits: StoreLimits = DEFAULT_LIMITS,
  ) {}

  /** The tab's log (an empty one for a tab never seen). */
  get(tabId: number): Promise<TabLog> {
    let log = this.logs.get(tabId);
    if (!log) {
      log = this.area.get(keyOf(tabId)).then((items) => (items[keyOf(tabId)] as TabLog | undefined) ?? emptyLog(tabId));
      this.logs.set(tabId, log);
    }
    return log;
  }

  /** Calls `listener` after every change of any tab's log. */
  onChange(listener: (log: TabLog) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Adds a call, or updates it when the hook reports its answer (same id). `pageUrl` names the
   * page when no navigation was seen yet (the tab was already open when the background started).
   */
  recordCall(tabId: number, call: CallRecord, pageUrl: string): Promise<TabLog> {
    return this.change(tabId, (log) => {
      const index = log.calls.findIndex((known) => known.id === call.id);
      const known = log.calls[index];
      if (known) log.calls[index] = { ...call, page: known.page };
      else {
        ensurePage(log, pageUrl, call.at);
        log.calls.push({ ...call, page: currentPage(log) });
        trim(log, log.calls, this.limits.calls);
      }
    });
  }

  recordRequest(tabId: number, request: Omit<NetworkRecord, 'page'>, pageUrl: string): Promise<TabLog> {
    return this.change(tabId, (log) => {
      ensurePage(log, pageUrl, request.at);
      log.requests.push({ ...request, page: currentPage(log) });
      trim(log, log.requests, this.limits.requests);
    });
  }

  /** Adds what later webRequest events tell about a request already recorded; others are ignored. */
  async updateRequest(tabId: number, id: string, update: Partial<NetworkRecord>): Promise<void> {
    const log = await this.get(tabId);
    if (!log.requests.some((request) => request.id === id)) return;
    await this.change(tabId, (current) => {
      const index = current.requests.findIndex((request) => request.id === id);
      const request = current.requests[index];
      if (request) current.requests[index] = { ...request, ...update };
    });
  }

  /**
   * A new document committed in the tab at `at`: the old entries go unless the log is preserved.
   * Entries stamped after the commit are the new document's, even when they were reported first
   * (the commit event and the page's messages reach the background by different roads).
   */
  navigate(tabId: number, url: string, at: number): Promise<TabLog> {
    return this.change(tabId, (log) => {
      const page = currentPage(log) + 1;
      const isNewPage = (entry: { at: number }) => entry.at >= at;
      if (!log.preserve) {
        Object.assign(log, { pages: [], calls: log.calls.filter(isNewPage), requests: log.requests.filter(isNewPage), dropped: 0 });
      }
      for (const entry of [...log.calls, ...log.requests]) if (isNewPage(entry)) entry.page = page;
      log.pages.push({ page, url, at });
    });
  }

  clear(tabId: number): Promise<TabLog> {
    return this.change(tabId, (log) => {
      // The current page stays: entries that arrive next still belong to it.
      Object.assign(log, { pages: log.pages.slice(-1), calls: [], requests: [], dropped: 0 });
    });
  }

  setPreserve(tabId: number, preserve: boolean): Promise<TabLog> {
    return this.change(tabId, (log) => {
      log.preserve = preserve;
    });
  }

  /** The tab is gone: so is its log. */
  async forget(tabId: number): Promise<void> {
    this.logs.delete(tabId);
    this.unsaved.delete(tabId);
    await this.area.remove(keyOf(tabId));
  }

  /** Logs kept for tabs that no longer exist (e.g. closed while the background slept). */
  async forgetAllBut(openTabIds: readonly number[]): Promise<void> {
    const open = new Set(openTabIds);
    const stale = Object.keys(await this.area.get(null)).filter((key) => key.startsWith('tab:') && !open.has(Number(key.slice(4))));
    for (const key of stale) this.logs.delete(Number(key.slice(4)));
    if (stale.length > 0) await this.area.remove(stale);
  }

  /** Resolves when every change so far is in storage. */
  async flush(): Promise<void> {
    await this.saving;
  }

  private async change(tabId: number, mutate: (log: TabLog) => void): Promise<TabLog> {
    const log = await this.get(tabId);
    mutate(log);
    for (const listener of this.listeners) listener(log);
    this.save(tabId);
    return log;
  }

  // Writes are coalesced: a burst of changes to one tab becomes one write of its latest state.
  private save(tabId: number): void {
    if (this.unsaved.has(tabId)) return;
    this.unsaved.add(tabId);
    this.saving = this.saving
      .then(async () => {
        if (!this.unsaved.delete(tabId)) return;
        const log = await this.logs.get(tabId);
        if (log) await this.area.set({ [keyOf(tabId)]: log });
      })
      .catch((error: unknown) => console.warn('LeadTrail Inspector could not save a tab log:', error));
  }
}
