import type { Browser } from 'webextension-polyfill';
import { browser as wxtBrowser } from 'wxt/browser';

/**
 * The extension API. At runtime `wxt/browser` is webextension-polyfill (the
 * @wxt-dev/webextension-polyfill module aliases it; tests alias it to WXT's fakeBrowser), but WXT
 * types it as Chrome's callback-style API: this names what it really is, promise-based everywhere.
 */
export const browser = wxtBrowser as unknown as Browser;
