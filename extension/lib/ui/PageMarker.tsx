import type { PageVisit } from '../messages/tab-log';
import { formatClock } from './format-time';

/** A row that says a new document started, for logs preserved across navigations. */
export function PageMarker({ visit, columns }: { visit: PageVisit | undefined; columns: number }) {
  if (!visit) return null;
  return (
    <tr class="page-marker">
      <td colSpan={columns}>{`${formatClock(visit.at)} · page ${visit.page}: ${visit.url}`}</td>
    </tr>
  );
}
