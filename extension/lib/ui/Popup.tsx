import { browser } from '../browser-api';
import { formatPlain } from './format-value';
import { RuntimeStatus } from './RuntimeStatus';
import { usePageSnapshot } from './use-page-snapshot';
import { useTabLog } from './use-tab-log';

/** The toolbar button's summary for the active tab, and the way to the full inspector. */
export function Popup({ tabId }: { tabId: number }) {
  const log = useTabLog(tabId);
  const { snapshot } = usePageSnapshot(tabId, log);
  const open = () => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/panel.html?tabId=${tabId}`) });
    window.close();
  };
  const comagic = snapshot.state === 'ready' ? snapshot.snapshot.comagic : undefined;
  const credentials = comagic?.present && comagic.credentials.ok ? comagic.credentials.value : undefined;
  const ids = typeof credentials === 'object' && credentials !== null && !Array.isArray(credentials) ? credentials : undefined;

  return (
    <main class="popup">
      <h1>Comagic on this tab</h1>
      <RuntimeStatus snapshot={snapshot} />
      {ids && <p class="code">{(['visitor_id', 'session_id', 'hit_id'] as const).map((key) => `${key} ${formatPlain(ids[key] ?? null)}`).join(' · ')}</p>}
      <p>{`${log?.calls.length ?? 0} API calls · ${log?.requests.length ?? 0} tracking requests`}</p>
      <button type="button" onClick={open}>
        Open the inspector
      </button>
      <p class="muted">Also in DevTools, in the “Comagic” panel.</p>
    </main>
  );
}
