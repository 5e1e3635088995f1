import { useState } from 'preact/hooks';
import { ActionForm } from './ActionForm';
import { ChatView } from './ChatView';
import { NetworkTable } from './NetworkTable';
import { Overview } from './Overview';
import { PhonesView } from './PhonesView';
import { PropertyLookup } from './PropertyLookup';
import { RuntimeStatus } from './RuntimeStatus';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { usePageSnapshot } from './use-page-snapshot';
import { useTabLog } from './use-tab-log';

/**
 * The whole inspector for one tab. The DevTools panel and a plain extension page
 * (`panel.html?tabId=N`, how the end-to-end test opens it) both mount it.
 */
export function Inspector({ tabId }: { tabId: number }) {
  const log = useTabLog(tabId);
  const { snapshot, refresh } = usePageSnapshot(tabId, log);
  const [method, setMethod] = useState('');

  return (
    <main class="inspector">
      <header class="inspector__header">
        <h1>Comagic</h1>
        <RuntimeStatus snapshot={snapshot} />
        {log && <Toolbar log={log} snapshot={snapshot} method={method} onMethod={setMethod} onRefresh={refresh} />}
      </header>
      <div class="inspector__columns">
        {snapshot.state === 'ready' ? <Overview snapshot={snapshot.snapshot} /> : <section class="card" />}
        <div class="inspector__side">
          <ActionForm tabId={tabId} />
          <PropertyLookup tabId={tabId} />
        </div>
      </div>
      {snapshot.state === 'ready' && <PhonesView phones={snapshot.snapshot.phones} />}
      {snapshot.state === 'ready' && snapshot.snapshot.chat && <ChatView chat={snapshot.snapshot.chat} />}
      {log ? (
        <>
          <Timeline log={log} method={method} />
          <NetworkTable log={log} />
        </>
      ) : (
        <p class="muted">Loading the log…</p>
      )}
    </main>
  );
}
