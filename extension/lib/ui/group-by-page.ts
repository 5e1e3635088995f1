import type { PageVisit } from '../messages/tab-log';

export interface PageGroup<T> {
  visit: PageVisit | undefined;
  entries: T[];
}

/** Entries in order, cut where the page changes, each run with the visit it belongs to. */
export function groupByPage<T extends { page: number }>(entries: readonly T[], pages: readonly PageVisit[]): PageGroup<T>[] {
  const groups: PageGroup<T>[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last.entries[0]?.page === entry.page) last.entries.push(entry);
    else groups.push({ visit: pages.find((visit) => visit.page === entry.page), entries: [entry] });
  }
  return groups;
}
