import type { PageSnapshot } from '../messages/page-snapshot';
import type { TabLog } from '../messages/tab-log';
import { decodeRequest } from '../providers';

/** Everything the panel shows, as data: the page's state, the calls, and the requests decoded. */
export function toJsonExport(log: TabLog, snapshot: PageSnapshot | undefined, exportedAt: Date) {
  return {
    exportedBy: 'LeadTrail Inspector',
    exportedAt: exportedAt.toISOString(),
    tabId: log.tabId,
    snapshot: snapshot ?? null,
    pages: log.pages,
    calls: log.calls,
    requests: log.requests.map((request) => ({ ...request, decoded: decodeRequest(request) ?? null })),
    dropped: log.dropped,
  };
}
