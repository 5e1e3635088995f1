import { defineContentScript } from 'wxt/utils/define-content-script';
import { installHook } from '../lib/page-hook/install-hook';

// In the page's own world, before its scripts: the only way to see `window.Comagic` assigned and
// every call made through it, including those made before the panel opened.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    installHook(window);
  },
});
