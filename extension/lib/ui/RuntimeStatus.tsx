import type { SnapshotState } from './use-page-snapshot';

/** One line on what the page has: no Comagic, LeadTrail's runtime, the vendor's, half-loaded, or out of reach. */
export function RuntimeStatus({ snapshot }: { snapshot: SnapshotState }) {
  if (snapshot.state === 'loading')
    return (
      <p class="status" data-testid="runtime-status">
        Reading the page…
      </p>
    );
  if (snapshot.state === 'failed') {
    return (
      <p class="status status--error" data-testid="runtime-status">
        {snapshot.error}
      </p>
    );
  }
  const { comagic, queue } = snapshot.snapshot;
  if (!comagic.present) {
    const waiting = queue.state === 'waiting' ? ` (__cs holds ${queue.commands.length} waiting commands: is the runtime script loading?)` : '';
    return (
      <p class="status status--absent" data-testid="runtime-status">
        No Comagic on this page{waiting}
      </p>
    );
  }
  const runtime = comagic.runtime;
  const who =
    runtime.name === 'leadtrail' ? `LeadTrail runtime ${runtime.version}` : `Vendor runtime (cs.min.js)${runtime.loader ? ` from ${runtime.loader}` : ''}`;
  return (
    <p class={`status ${comagic.missing.length > 0 ? 'status--warning' : 'status--ok'}`} data-testid="runtime-status">
      <span class="status__who">{who}</span>
      {comagic.missing.length > 0 && (
        <span class="status__missing">
          {` · ${comagic.missing.length} documented methods missing, half-loaded or not implemented: ${comagic.missing.join(', ')}`}
        </span>
      )}
    </p>
  );
}
