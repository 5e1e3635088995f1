import { render } from 'preact';
import { browser } from '../../lib/browser-api';
import { Popup } from '../../lib/ui/Popup';
import '../../lib/ui/inspector.css';

const app = document.getElementById('app');
void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
  if (!app) return;
  render(tab?.id === undefined ? <p class="status status--error">No active tab.</p> : <Popup tabId={tab.id} />, app);
});
