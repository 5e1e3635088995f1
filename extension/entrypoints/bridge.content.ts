import { defineContentScript } from 'wxt/utils/define-content-script';
import { relayPage } from '../lib/bridge/relay-page';
import { browser } from '../lib/browser-api';

// The hook's world has no extension API: this isolated-world script carries its messages.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {
    relayPage(window, browser.runtime);
  },
});
