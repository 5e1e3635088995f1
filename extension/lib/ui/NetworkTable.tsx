import { Fragment } from 'preact';
import type { NetworkRecord, TabLog } from '../messages/tab-log';
import { decodeRequest } from '../providers';
import { formatClock, formatDuration } from './format-time';
import { groupByPage } from './group-by-page';
import { PageMarker } from './PageMarker';

const COLUMNS = 6;

function outcome(request: NetworkRecord): string {
  if (request.error) return request.error;
  return request.status === undefined ? 'pending' : String(request.status);
}

/** Chrome calls a beacon's type "ping", Firefox "beacon". */
const kind = (type: string) => (type === 'ping' || type === 'beacon' ? 'beacon' : type);

function RequestRows({ request }: { request: NetworkRecord }) {
  const decoded = decodeRequest(request);
  return (
    <>
      <tr class="request" data-testid="network-row" data-title={decoded?.title ?? ''}>
        <td class="time">{formatClock(request.at)}</td>
        <td>{decoded?.provider ?? '?'}</td>
        <td>
          <strong>{decoded?.title ?? 'Unknown'}</strong>
        </td>
        <td>{`${request.method} · ${kind(request.type)}`}</td>
        <td class={request.error || (request.status ?? 0) >= 400 ? 'error' : ''}>{outcome(request)}</td>
        <td class="num">{formatDuration(request.ms)}</td>
      </tr>
      <tr class="request-detail">
        <td />
        <td colSpan={COLUMNS - 1}>
          <div class="url code">{request.url}</div>
          {decoded && decoded.fields.length > 0 && (
            <table class="fields" data-testid="decoded-fields">
              <tbody>
                {decoded.fields.map((field, index) => (
                  <tr key={index}>
                    <th>{field.label ? `${field.label} (${field.name})` : field.name}</th>
                    <td class="code">{field.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {request.body?.kind === 'text' && request.body.truncated && <p class="muted">The body was cut at 64 KiB.</p>}
        </td>
      </tr>
    </>
  );
}

/** The tab's requests to tracking endpoints, decoded by their provider. */
export function NetworkTable({ log }: { log: TabLog }) {
  const showPages = log.pages.length > 1;
  return (
    <section class="card" data-testid="network">
      <h2>{`Tracking requests (${log.requests.length})`}</h2>
      {log.requests.length === 0 ? (
        <p class="muted">No requests to LeadTrail or CoMagic endpoints yet.</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>Time</th>
              <th>Provider</th>
              <th>Request</th>
              <th>Method</th>
              <th>Status</th>
              <th>Took</th>
            </tr>
          </thead>
          <tbody>
            {groupByPage(log.requests, log.pages).map((group, index) => (
              <Fragment key={index}>
                {showPages && <PageMarker visit={group.visit} columns={COLUMNS} />}
                {group.entries.map((request) => (
                  <RequestRows key={request.id} request={request} />
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
