import { Fragment } from 'preact';
import type { TabLog } from '../messages/tab-log';
import { CallOutcome } from './CallOutcome';
import { formatArgs } from './format-value';
import { formatClock, formatDuration } from './format-time';
import { groupByPage } from './group-by-page';
import { PageMarker } from './PageMarker';

/** Every API call the page made (and the panel's own), oldest first, with its answer and duration. */
export function Timeline({ log, method }: { log: TabLog; method: string }) {
  const calls = method === '' ? log.calls : log.calls.filter((call) => call.path === method);
  const showPages = log.pages.length > 1;
  return (
    <section class="card" data-testid="timeline">
      <h2>{`Calls (${calls.length}${method ? ` of ${log.calls.length}` : ''})`}</h2>
      {log.dropped > 0 && <p class="muted">{`${log.dropped} older entries were dropped to keep the log small.`}</p>}
      {calls.length === 0 ? (
        <p class="muted">No calls of the API yet.</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>Time</th>
              <th>Call</th>
              <th>Answer</th>
              <th>Status</th>
              <th>Took</th>
            </tr>
          </thead>
          <tbody>
            {groupByPage(calls, log.pages).map((group, index) => (
              <Fragment key={index}>
                {showPages && <PageMarker visit={group.visit} columns={5} />}
                {group.entries.map((call) => (
                  <tr key={call.id} class={`call call--${call.status}`} data-testid="timeline-row" data-path={call.path} data-origin={call.origin}>
                    <td class="time">{formatClock(call.at)}</td>
                    <td class="code">
                      {call.origin === 'inspector' && (
                        <span class="tag" title="Fired from this panel">
                          panel
                        </span>
                      )}
                      <span class="path">{call.path}</span>
                      {`(${formatArgs(call.args)})`}
                    </td>
                    <td class="code">
                      <CallOutcome call={call} />
                    </td>
                    <td>{call.status}</td>
                    <td class="num">{formatDuration(call.ms)}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
