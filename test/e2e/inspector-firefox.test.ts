// The Firefox build of the inspector, smoke-tested in a real Firefox: the release zip
// (dist/leadtrail-inspector-firefox.zip, from `npm run build`) installed as a temporary add-on into
// Debian's Firefox ESR, driven over WebDriver BiDi (lib/firefox.ts). It proves that the MAIN-world
// page hook runs at document_start and records the page's calls, that the bridge and the background
// carry them, and that the panel (opened as an extension page, as extension.test.ts does in
// Chromium) shows them and drives the page.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendorCloud } from './fixtures/vendor-page/vendor-cloud';
import type { VendorCloud } from './fixtures/vendor-page/vendor-cloud';
import { launchFirefox } from './lib/firefox';
import type { Firefox } from './lib/firefox';
import { e2eSite } from './lib/site';

const zip = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/leadtrail-inspector-firefox.zip');
const poll = { timeout: 30_000, interval: 250 };

let firefox: Firefox;
let cloud: VendorCloud;
/** A tab kept open for the whole run (closing a window's last tab would quit Firefox). */
let home: string;

beforeAll(async () => {
  cloud = await startVendorCloud();
  firefox = await launchFirefox(zip);
  const tree = await firefox.bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
  home = tree.contexts[0]!.context;
}, 180_000);

afterAll(async () => {
  await firefox?.close();
  await cloud?.close();
});

async function newTab(url: string): Promise<string> {
  const { context } = await firefox.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await firefox.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** `expression`'s value in the tab's page (JSON-able values only; Promises are awaited). */
async function evaluate<T>(context: string, expression: string): Promise<T> {
  const answer = await firefox.bidi.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  });
  if (answer.type !== 'success') throw new Error(`${expression} threw: ${answer.exceptionDetails?.text}`);
  const json = answer.result?.value;
  return (json === undefined ? undefined : JSON.parse(json)) as T;
}

const text = (panel: string, testId: string) => evaluate<string>(panel, `document.querySelector('[data-testid="${testId}"]')?.innerText ?? ''`);
const timelinePaths = (panel: string) =>
  evaluate<string[]>(panel, `[...document.querySelectorAll('[data-testid=timeline-row]')].map((row) => row.dataset.path)`);
const networkTitles = (panel: string) =>
  evaluate<string[]>(panel, `[...document.querySelectorAll('[data-testid=network-row]')].map((row) => row.dataset.title)`);

/** The browser's tab id for the tab showing `url`, asked from an extension page (it has `browser.tabs`). */
async function tabIdOf(url: string): Promise<number> {
  const helper = await newTab(`${firefox.extensionBase}/panel.html`);
  const tabs = await evaluate<{ id: number; url: string }[]>(helper, 'browser.tabs.query({})');
  await firefox.bidi.send('browsingContext.close', { context: helper });
  const id = tabs.find((tab) => tab.url === url)?.id;
  if (id === undefined) throw new Error(`no tab shows ${url}: ${JSON.stringify(tabs)}`);
  return id;
}

async function openPanel(tabId: number): Promise<string> {
  return newTab(`${firefox.extensionBase}/panel.html?tabId=${tabId}`);
}

describe('the Firefox build in Firefox ESR', { timeout: 120_000 }, () => {
  it("records a vendor-like page's calls from document_start and shows them, its runtime and its traffic in the panel", async () => {
    const url = `${cloud.origin}/index.html`;
    await firefox.bidi.send('browsingContext.navigate', { context: home, url, wait: 'complete' });
    // The page's own last step (its callback from addVisitorInfo).
    await expect.poll(() => evaluate(home, 'document.body.dataset.visitorInfo ?? null'), poll).toBe('{"success":true}');
    const tabId = await tabIdOf(url);

    const panel = await openPanel(tabId);
    await expect.poll(() => text(panel, 'runtime-status'), poll).toContain('Vendor runtime (cs.min.js)');
    expect(await text(panel, 'credentials')).toContain('VcB4qqpO1WPSopO670cAbXwAH9Ryaw75');
    // The two early __cs.push calls were made by an inline script before cs.min.js: only a hook
    // installed at document_start sees them.
    await expect
      .poll(() => timelinePaths(panel), poll)
      .toEqual([
        '__cs.push',
        '__cs.push',
        'Comagic.getCredentials',
        'Comagic.trackEvent',
        'Comagic.trackEvent',
        'Comagic.setProperty',
        'Comagic.addVisitorInfo',
      ]);
    const timeline = await text(panel, 'timeline');
    expect(timeline).toContain("__cs.push(['setCsAccount', 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75'])");
    expect(timeline).toMatch(/Comagic\.addVisitorInfo\(\{name: 'Ann', phone: '\+79000000000'\}, ƒ anonymous\(\)\)\s+\{success: true\}\s+answered/);
    expect(await evaluate(panel, `document.querySelectorAll('[data-testid=timeline] img').length`)).toBe(0);
    // The Phones view: the vendor's replaced numbers with their type, and its _comagic_id cookie.
    const targets = await text(panel, 'phone-targets');
    expect(targets).toMatch(/\.comagic_phone\s+\+7 \(495\) 182-51-68\s+74990000077\s+dynamic number/);
    expect(targets).toMatch(/\.call_phone_1\s+8 495 182 51 69\s+74990000070\s+static number/);
    expect(await text(panel, 'id-cookies')).toContain('_comagic_id\t17258569.255544855.1777012580');
    // The background's webRequest listener decoded the page's tracking request.
    await expect.poll(() => networkTitles(panel), poll).toEqual(['Visitor info (A15)']);
    expect(await evaluate(panel, `browser.action.getBadgeText({ tabId: ${tabId} })`)).toBe('7');
    await firefox.bidi.send('browsingContext.close', { context: panel });
  });

  it("shows LeadTrail's runtime on the harness WordPress, and fires a call from the panel", async () => {
    const demo = `${e2eSite().url}/leadtrail-demo/`;
    await firefox.bidi.send('browsingContext.navigate', { context: home, url: demo, wait: 'complete' });
    // window.Comagic appears with the first hit answer.
    const credentials = await evaluate<Record<string, unknown>>(
      home,
      'new Promise((r) => { const poll = () => (window.Comagic ? r(window.Comagic.ready) : setTimeout(poll, 20)); poll(); })',
    );
    expect(await evaluate(home, `window.Comagic.setProperty('Тип посетителя', 'Потенциальный')`)).toEqual({ success: true });
    const panel = await openPanel(await tabIdOf(demo));

    await expect.poll(() => text(panel, 'runtime-status'), poll).toMatch(/^LeadTrail runtime \d+\.\d+\.\d+/);
    expect(await text(panel, 'credentials')).toContain(`visitor_id\t${String(credentials['visitor_id'])}`);
    const paths = await timelinePaths(panel);
    // The demo page's early `__cs.push(["onReady", fn])` comes before the runtime loaded.
    expect(paths[0]).toBe('__cs.push');
    expect(paths).toContain('Comagic.setProperty');
    expect(await text(panel, 'timeline')).toMatch(/Comagic\.setProperty\('Тип посетителя', 'Потенциальный'\)\s+\{success: true\}\s+answered/);
    await expect.poll(() => networkTitles(panel), poll).toContain('Page-view hit');

    // The other way: the panel asks the page's hook to call the runtime (its default, trackEvent).
    await evaluate(
      panel,
      `[...document.querySelectorAll('[data-testid=action-form] button')].find((button) => button.innerText === 'Call trackEvent').click()`,
    );
    await expect.poll(() => text(panel, 'action-result'), poll).toMatch(/^answered in \d.*: \{success: true\}$/);
    await expect.poll(() => networkTitles(panel), poll).toContain('Event (A1)');
    await firefox.bidi.send('browsingContext.close', { context: panel });
  });
});
