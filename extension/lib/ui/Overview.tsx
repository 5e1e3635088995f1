import type { JsonValue, ReadResult } from '../messages/json-value';
import type { PageSnapshot } from '../messages/page-snapshot';
import { formatPlain, formatValue } from './format-value';
import { ReadValue } from './ReadValue';

function isRecord(value: JsonValue): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('$lt' in value);
}

function Credentials({ read }: { read: ReadResult }) {
  if (!read.ok || !isRecord(read.value)) return <ReadValue read={read} what="getCredentials()" />;
  return (
    <table class="pairs" data-testid="credentials">
      <tbody>
        {Object.entries(read.value).map(([key, value]) => (
          <tr key={key}>
            <th>{key}</th>
            <td>{formatPlain(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function hitId(read: ReadResult): ReadResult {
  return read.ok && isRecord(read.value) ? { ok: true, value: read.value['hit_id'] ?? { $lt: 'undefined' } } : read;
}

function Properties({ read }: { read: ReadResult | null }) {
  if (read === null) return <p class="muted">This runtime does not list properties: look one up by name.</p>;
  if (!read.ok || !isRecord(read.value)) return <ReadValue read={read} what="__leadtrail.properties()" />;
  const entries = Object.entries(read.value);
  if (entries.length === 0) return <p class="muted">No properties set.</p>;
  return (
    <table class="pairs" data-testid="properties">
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{formatPlain(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Queue({ queue }: { queue: PageSnapshot['queue'] }) {
  if (queue.state === 'absent') return <span class="muted">no __cs on the page</span>;
  if (queue.state === 'live') return <span>taken over by the runtime (commands run at once)</span>;
  if (queue.commands.length === 0) return <span>an empty array (nothing waiting)</span>;
  return (
    <ol class="queue">
      {queue.commands.map((command, index) => (
        <li key={index}>{formatValue(command)}</li>
      ))}
    </ol>
  );
}

/** The page's state: credentials, ids, the `__cs` queue, the widget, the visitor's properties. */
export function Overview({ snapshot }: { snapshot: PageSnapshot }) {
  const { comagic } = snapshot;
  return (
    <section class="card" data-testid="overview">
      <h2>Page</h2>
      <p class="muted url">{snapshot.url}</p>
      {comagic.present && (
        <>
          <h3>Credentials (getCredentials)</h3>
          <Credentials read={comagic.credentials} />
          <table class="pairs" data-testid="ids">
            <tbody>
              <tr>
                <th>visitor (getVisitorId)</th>
                <td>
                  <ReadValue read={comagic.visitorId} what="getVisitorId()" />
                </td>
              </tr>
              <tr>
                <th>session (getSessionId)</th>
                <td>
                  <ReadValue read={comagic.sessionId} what="getSessionId()" />
                </td>
              </tr>
              <tr>
                <th>hit (credentials.hit_id)</th>
                <td>
                  <ReadValue read={hitId(comagic.credentials)} what="getCredentials()" />
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      <h3>__cs queue</h3>
      <Queue queue={snapshot.queue} />
      <h3>ComagicWidget</h3>
      {snapshot.widgetMissing === null ? (
        <span class="muted">absent</span>
      ) : (
        <span>{snapshot.widgetMissing.length === 0 ? 'present' : `present, missing ${snapshot.widgetMissing.join(', ')}`}</span>
      )}
      {comagic.present && (
        <>
          <h3>Visitor properties</h3>
          <Properties read={comagic.properties} />
        </>
      )}
    </section>
  );
}
