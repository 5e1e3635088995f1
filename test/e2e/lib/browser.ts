// Debian's Chromium through playwright-core, with the flags this closed network needs (ENV.md).
import { chromium, type Browser } from 'playwright-core';

/**
 * The User-Agent of a person's Chrome. Headless Chromium says "HeadlessChrome", and the plugin
 * counts no visitor for that (docs/contracts.md, "Hit"); the tests browse as people do.
 */
const peopleUserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--user-agent=${peopleUserAgent}`,
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}
