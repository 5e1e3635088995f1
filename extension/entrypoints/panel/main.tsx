import { render } from 'preact';
import { browser } from '../../lib/browser-api';
import { Inspector } from '../../lib/ui/Inspector';
import { inspectedTabId } from '../../lib/ui/inspected-tab';
import '../../lib/ui/inspector.css';

const tabId = inspectedTabId(location.search, browser.devtools as typeof browser.devtools | undefined);
const app = document.getElementById('app');
if (app) {
  render(
    tabId === undefined ? <p class="status status--error">No tab to inspect: open this from DevTools or the toolbar button.</p> : <Inspector tabId={tabId} />,
    app,
  );
}
