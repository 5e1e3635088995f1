import { useEffect, useState } from 'preact/hooks';
import { browser } from '../browser-api';
import type { TabLog } from '../messages/tab-log';
import { saveFile } from '../export/save-file';
import { toHar } from '../export/to-har';
import { toJsonExport } from '../export/to-json-export';
import { clearLog, setPreserve } from './background-client';
import type { SnapshotState } from './use-page-snapshot';

interface ToolbarProps {
  log: TabLog;
  snapshot: SnapshotState;
  method: string;
  onMethod(method: string): void;
  onRefresh(): void;
}

function fileStem(tabId: number, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `comagic-tab${tabId}-${stamp}`;
}

/** Preserve, clear, filter by method, export (JSON, HAR), read the page again. */
export function Toolbar({ log, snapshot, method, onMethod, onRefresh }: ToolbarProps) {
  // Shown at once; the log confirms it a moment later (rendering the log's old value meanwhile
  // would flip the box back under the user's click).
  const [preserve, showPreserve] = useState(log.preserve);
  useEffect(() => showPreserve(log.preserve), [log.preserve]);
  const togglePreserve = (next: boolean) => {
    showPreserve(next);
    void setPreserve(browser.runtime, log.tabId, next);
  };
  const methods = [...new Set(log.calls.map((call) => call.path))].sort();

  const exportJson = () => {
    const now = new Date();
    const data = toJsonExport(log, snapshot.state === 'ready' ? snapshot.snapshot : undefined, now);
    saveFile(document, `${fileStem(log.tabId, now)}.json`, JSON.stringify(data, null, 2), 'application/json');
  };
  const exportHar = () => {
    const har = toHar(log, browser.runtime.getManifest().version);
    saveFile(document, `${fileStem(log.tabId, new Date())}.har`, JSON.stringify(har, null, 2), 'application/json');
  };

  return (
    <div class="toolbar" role="toolbar">
      <label>
        <input type="checkbox" name="preserve" checked={preserve} onChange={(event) => togglePreserve(event.currentTarget.checked)} />
        Preserve log
      </label>
      <button type="button" onClick={() => void clearLog(browser.runtime, log.tabId)}>
        Clear
      </button>
      <select name="method" value={method} onChange={(event) => onMethod(event.currentTarget.value)} aria-label="Filter by method">
        <option value="">All methods</option>
        {methods.map((path) => (
          <option key={path} value={path}>
            {path}
          </option>
        ))}
      </select>
      <button type="button" onClick={exportJson}>
        Export JSON
      </button>
      <button type="button" onClick={exportHar}>
        Export HAR
      </button>
      <button type="button" onClick={onRefresh}>
        Refresh
      </button>
    </div>
  );
}
