// The inspector extension, built and loaded into Chromium, on (a) a page running a
// vendor-like Comagic against a stand-in of the vendor's cloud, and (b) the harness WordPress
// running LeadTrail. The panel is opened as an extension page inspecting the page's tab.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVendorCloud } from './fixtures/vendor-page/vendor-cloud';
import type { VendorCloud } from './fixtures/vendor-page/vendor-cloud';
import { badgeText, ensureExtensionBuilt, launchWithExtension, openPanel, tabIdOf } from './lib/extension';
import type { InspectorBrowser } from './lib/extension';
import { e2eSite } from './lib/site';

// The README's pictures of the panel: a run rewrites them only when asked (LEADTRAIL_SCREENSHOTS=docs),
// else it leaves them in test/artifacts, so that a test run does not change tracked files.
const screenshots = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  process.env.LEADTRAIL_SCREENSHOTS === 'docs' ? '../../docs/screenshots' : '../artifacts/screenshots',
);
const leadtrailUrl = e2eSite().url;

let inspector: InspectorBrowser;

beforeAll(async () => {
  inspector = await launchWithExtension(await ensureExtensionBuilt());
}, 180_000);

afterAll(async () => {
  await inspector?.close();
});

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const rows = (panel: Page) => panel.getByTestId('timeline-row');

async function timelinePaths(panel: Page): Promise<string[]> {
  return rows(panel).evaluateAll((all) => all.map((row) => row.getAttribute('data-path') ?? ''));
}

async function download(panel: Page, button: string): Promise<unknown> {
  const [file] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: button }).click()]);
  return JSON.parse(await readFile(await file.path(), 'utf8'));
}

describe('on a page with a vendor-like Comagic', { timeout: 90_000 }, () => {
  let cloud: VendorCloud;
  let page: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    cloud = await startVendorCloud();
    page = await inspector.context.newPage();
    await page.goto(`${cloud.origin}/index.html`);
    await page.waitForFunction(() => document.body.dataset['visitorInfo'] !== undefined);
    tabId = await tabIdOf(inspector, page);
  });

  afterAll(async () => {
    await cloud?.close();
  });

  it('counts the calls on the badge before any panel is open', async () => {
    // setCsAccount, setUIPhoneMaskFormat (queued), getCredentials, 2 × trackEvent, setProperty, addVisitorInfo.
    await expect.poll(() => badgeText(inspector, tabId)).toBe('7');
  });

  it('shows the runtime, the credentials and the calls made before it opened', async () => {
    panel = await openPanel(inspector, tabId);
    await expect.poll(() => text(panel, 'runtime-status')).toContain('Vendor runtime (cs.min.js)');
    expect(await text(panel, 'runtime-status')).toContain(`${cloud.origin}/cs.min.js`);
    expect(await text(panel, 'runtime-status')).not.toContain('half-loaded');

    const credentials = await text(panel, 'credentials');
    for (const value of ['VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', '17258569', '546833568748', '255544855', `${cloud.origin}/`]) {
      expect(credentials).toContain(value);
    }
    expect(await text(panel, 'ids')).toMatch(/visitor \(getVisitorId\)\s+17258569/);
    expect(await text(panel, 'overview')).toContain('taken over by the runtime');

    expect(await timelinePaths(panel)).toEqual([
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
    expect(timeline).toContain("Comagic.trackEvent('Offer', 'DownloadBook', 'CallTrackingBook', 'value')");
    expect(timeline).toMatch(/Comagic\.addVisitorInfo\(\{name: 'Ann', phone: '\+79000000000'\}, ƒ anonymous\(\)\)\s+\{success: true\}\s+answered\s+\d/);
  });

  it("shows the vendor's replaced numbers, their type, the phone methods and the _comagic_id cookie", async () => {
    await expect.poll(() => panel.getByTestId('phone-target').count()).toBe(2);
    const targets = await panel.getByTestId('phone-target').allInnerTexts();
    expect(targets[0]).toMatch(/^\.comagic_phone\s+\+7 \(495\) 182-51-68\s+74990000077\s+dynamic number \(getReplacedPhones\("dynamic"\)\)$/);
    expect(targets[1]).toMatch(/^\.call_phone_1\s+8 495 182 51 69\s+74990000070\s+static number \(getReplacedPhones\("static"\)\)$/);
    const methods = await text(panel, 'phone-methods');
    expect(methods).toContain("getReplacedPhones('dynamic')\t{'74990000077': ['.comagic_phone']}");
    expect(methods).toContain("getReplacedPhones('static')\t{'.call_phone_1': '74990000070'}");
    expect(await text(panel, 'phone-elements')).toContain('.comagic_phone\t+74990000077');
    expect(await text(panel, 'id-cookies')).toBe('_comagic_id\t17258569.255544855.1777012580');
  });

  it("shows the page's text as text, never as markup", async () => {
    expect(await text(panel, 'timeline')).toContain(`'<img src=x onerror="window.__xss = 1">'`);
    expect(await panel.locator('[data-testid=timeline] img').count()).toBe(0);
    expect(await panel.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('decodes the tracking requests the page made', async () => {
    const network = panel.getByTestId('network-row');
    await expect.poll(() => network.count()).toBe(1);
    expect(await network.first().getAttribute('data-title')).toBe('Visitor info (A15)');
    const fields = await text(panel, 'decoded-fields');
    expect(fields).toMatch(/site key \(sk\)\s+VcB4qqpO1WPSopO670cAbXwAH9Ryaw75/);
    expect(fields).toMatch(/comagic_id \(visitor\.session\.time\) \(ci\)\s+17258569\.255544855\.1777012580/);
    expect(fields).toMatch(/name \(vn\)\s+Ann/);
    expect(fields).toMatch(/phone \(vp\)\s+\+79000000000/);
    expect(await text(panel, 'network')).toContain('GET · xmlhttprequest');
  });

  it('fires an action with edited test data and shows its answer, its call and its request', async () => {
    const form = panel.getByTestId('action-form');
    await form.locator('select[name=method]').selectOption('addOfflineRequest');
    expect(await form.locator('textarea').inputValue()).toContain('Sent from the LeadTrail Inspector');
    await form.locator('textarea').fill(JSON.stringify([{ name: 'Panel Tester', phone: '+79001112233', message: 'Hello from e2e' }]));
    await form.getByRole('button', { name: 'Call addOfflineRequest' }).click();

    await expect.poll(() => text(panel, 'action-result')).toMatch(/^answered in \d.*: \{success: true, result: null\}$/);
    await expect.poll(() => timelinePaths(panel)).toContain('Comagic.addOfflineRequest');
    const row = panel.locator('[data-testid=timeline-row][data-origin=inspector]');
    expect(await row.innerText()).toMatch(
      /panel\s*Comagic\.addOfflineRequest\(\{name: 'Panel Tester'.*ƒ anonymous\(\)\)\s+\{success: true, result: null\}\s+answered/,
    );

    // The stand-in cloud got the documented A6 fields, and the panel decoded the same request.
    expect(cloud.received.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/add_offline_message/',
      fields: { site_key: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', visitor_id: '17258569', name: 'Panel Tester', text: 'Hello from e2e' },
    });
    const offline = panel.locator('[data-testid=network-row][data-title="Offline request (A6)"]');
    await expect.poll(() => offline.count()).toBe(1);
    const detail = await panel.locator('[data-testid=network] tr.request-detail').last().innerText();
    expect(detail).toMatch(/name \(name\)\s+Panel Tester/);
    expect(detail).toMatch(/message \(text\)\s+Hello from e2e/);
    expect(await offline.innerText()).toMatch(/POST · xmlhttprequest\s+200/);
  });

  it("answers property look-ups through the vendor's own hasProperty / getProperty", async () => {
    const lookup = panel.getByTestId('property-lookup');
    await lookup.locator('input[name=property]').fill('Тип посетителя');
    await lookup.getByRole('button', { name: 'getProperty' }).click();
    await expect.poll(() => text(panel, 'property-lookup')).toContain("{success: true, result: 'Потенциальный'}");
    await lookup.getByRole('button', { name: 'hasProperty' }).click();
    await expect.poll(() => text(panel, 'property-lookup')).toContain('{success: true, result: true}');
    expect(await text(panel, 'overview')).toContain('This runtime does not list properties');
  });

  it('filters the timeline by method', async () => {
    await panel.locator('.toolbar select[name=method]').selectOption('Comagic.trackEvent');
    expect(await timelinePaths(panel)).toEqual(['Comagic.trackEvent', 'Comagic.trackEvent']);
    await panel.locator('.toolbar select[name=method]').selectOption('');
    expect((await timelinePaths(panel)).length).toBe(10);
  });

  it('exports the log as JSON and the requests as HAR', async () => {
    const json = (await download(panel, 'Export JSON')) as { calls: { path: string }[]; requests: { decoded: { title: string } }[]; snapshot: object };
    expect(json.calls.map((call) => call.path)).toContain('Comagic.addOfflineRequest');
    expect(json.requests.map((request) => request.decoded.title)).toEqual(['Visitor info (A15)', 'Offline request (A6)']);
    expect(json.snapshot).toMatchObject({ comagic: { present: true, runtime: { name: 'vendor' } } });

    const har = (await download(panel, 'Export HAR')) as {
      log: {
        version: string;
        entries: { request: { method: string; url: string; postData?: { params?: { name: string; value: string }[] } }; response: { status: number } }[];
      };
    };
    expect(har.log.version).toBe('1.2');
    const post = har.log.entries.find((entry) => entry.request.method === 'POST');
    expect(post?.request.url).toBe(`${cloud.origin}/api/add_offline_message/`);
    expect(post?.request.postData?.params).toContainEqual({ name: 'name', value: 'Panel Tester' });
    expect(post?.response.status).toBe(200);
  });

  it('saves a screenshot of the panel for the README', async () => {
    await mkdir(screenshots, { recursive: true });
    const file = path.join(screenshots, 'inspector-vendor-page.png');
    await panel.screenshot({ path: file, fullPage: true });
    expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('keeps the log across a reload when preserved, and starts afresh when not', async () => {
    await panel.getByLabel('Preserve log').check();
    await page.reload();
    await page.waitForFunction(() => document.body.dataset['visitorInfo'] !== undefined);
    await expect.poll(() => rows(panel).count()).toBe(17);
    const markers = await panel.locator('[data-testid=timeline] .page-marker').allInnerTexts();
    expect(markers).toHaveLength(2);
    const pageNumbers = markers.map((marker) => Number(/· page (\d+): /.exec(marker)?.[1]));
    expect(pageNumbers[1]).toBe((pageNumbers[0] ?? 0) + 1);
    for (const marker of markers) expect(marker).toContain(`${cloud.origin}/index.html`);
    await expect.poll(() => badgeText(inspector, tabId)).toBe('17');

    await panel.getByLabel('Preserve log').uncheck();
    await page.reload();
    await page.waitForFunction(() => document.body.dataset['visitorInfo'] !== undefined);
    await expect.poll(() => rows(panel).count()).toBe(7);
    await expect.poll(() => badgeText(inspector, tabId)).toBe('7');

    await panel.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows(panel).count()).toBe(0);
    await expect.poll(() => badgeText(inspector, tabId)).toBe('');
  });

  it('shows a half-loaded, throwing Comagic as such without breaking', async () => {
    const broken = await inspector.context.newPage();
    await broken.goto(`${cloud.origin}/broken.html`);
    const brokenPanel = await openPanel(inspector, await tabIdOf(inspector, broken));
    await expect.poll(() => text(brokenPanel, 'runtime-status')).toContain('half-loaded');
    expect(await text(brokenPanel, 'runtime-status')).toContain('getSessionId');
    const overview = await text(brokenPanel, 'overview');
    expect(overview).toContain('getCredentials() threw Error: Comagic is not initialised yet');
    expect(overview).toContain('getVisitorId() threw Error: getter exploded');
    expect(await text(brokenPanel, 'timeline')).toMatch(/Comagic\.getCredentials\(\)\s+threw Error: Comagic is not initialised yet\s+threw/);

    const form = brokenPanel.getByTestId('action-form');
    await form.locator('select[name=method]').selectOption('setProperty');
    await form.getByRole('button', { name: 'Call setProperty' }).click();
    await expect.poll(() => text(brokenPanel, 'action-result')).toBe('Comagic.setProperty is not a function on this page');
    await brokenPanel.close();
    await broken.close();
  });

  it('says clearly when a page has no Comagic', async () => {
    const plain = await inspector.context.newPage();
    await plain.goto(`${cloud.origin}/plain.html`);
    const plainPanel = await openPanel(inspector, await tabIdOf(inspector, plain));
    await expect.poll(() => text(plainPanel, 'runtime-status')).toBe('No Comagic on this page');
    expect(await text(plainPanel, 'timeline')).toContain('No calls of the API yet.');
    await plainPanel.close();
    await plain.close();
  });
});

describe.runIf(leadtrailUrl)('on the harness WordPress with LeadTrail', { timeout: 90_000 }, () => {
  const demo = `${leadtrailUrl}/leadtrail-demo/`;
  type Answer = { success: boolean };
  type Runtime = {
    ready: Promise<Record<string, unknown>>;
    getVisitorId(): number;
    getSessionId(): number;
    setProperty(name: string, value?: string): Promise<Answer>;
  };

  it("shows LeadTrail's runtime, credentials, properties, calls and traffic, and drives it", async () => {
    const page = await inspector.context.newPage();
    await page.goto(demo);
    await page.waitForFunction(() => (window as unknown as { Comagic?: Runtime }).Comagic);
    const credentials = await page.evaluate(() => (window as unknown as { Comagic: Runtime }).Comagic.ready);
    // Calls the page makes before any panel is open.
    expect(
      await page.evaluate(() => {
        const comagic = (window as unknown as { Comagic: Runtime }).Comagic;
        comagic.getVisitorId();
        comagic.getSessionId();
        return comagic.setProperty('Тип посетителя', 'Потенциальный');
      }),
    ).toEqual({ success: true });
    const tabId = await tabIdOf(inspector, page);
    const panel = await openPanel(inspector, tabId);

    await expect.poll(() => text(panel, 'runtime-status')).toMatch(/^LeadTrail runtime \d+\.\d+\.\d+/);
    const shown = await text(panel, 'credentials');
    for (const key of ['site_key', 'visitor_id', 'session_id', 'hit_id', 'consultant_server_url', 'comagic_id']) {
      expect(shown).toContain(`${key}\t${String(credentials[key])}`);
    }
    // Comagic.__leadtrail.properties(): the visitor's properties, read from the server.
    await expect.poll(() => text(panel, 'overview')).toContain('Тип посетителя\tПотенциальный');

    // The demo page's early `__cs.push(["onReady", fn])` (R3, F7) comes before the runtime loaded.
    const paths = await timelinePaths(panel);
    expect(paths[0]).toBe('__cs.push');
    expect(paths).toEqual(expect.arrayContaining(['Comagic.getVisitorId', 'Comagic.getSessionId', 'Comagic.setProperty']));
    const timeline = await text(panel, 'timeline');
    expect(timeline).toContain(`Comagic.getVisitorId()\t${String(credentials['visitor_id'])}`);
    // R8: the answer came through the returned Promise.
    expect(timeline).toMatch(/Comagic\.setProperty\('Тип посетителя', 'Потенциальный'\)\s+\{success: true\}\s+answered/);

    // The page-view hit (contracts.md): a JSON POST to collect.php, decoded; and the property's call.
    const hit = panel.locator('[data-testid=network-row][data-title="Page-view hit"]');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.innerText()).toMatch(/LeadTrail\s+Page-view hit\s+POST · xmlhttprequest\s+200/);
    const hitFields = await panel.locator('[data-testid=network] tr.request-detail').first().innerText();
    expect(hitFields).toContain(`site key (site_key)\t${String(credentials['site_key'])}`);
    expect(hitFields).toContain(`page (url)\t${demo}`);
    expect(await panel.locator('[data-testid=network-row][data-title="Set property (A16)"]').count()).toBe(1);

    // An action from the panel, answered by the runtime's Promise (R8), with its request decoded.
    await panel.getByTestId('action-form').getByRole('button', { name: 'Call trackEvent' }).click();
    await expect.poll(() => text(panel, 'action-result')).toMatch(/^answered in \d.*: \{success: true\}$/);
    const fired = panel.locator('[data-testid=timeline-row][data-origin=inspector]');
    await expect.poll(() => fired.count()).toBe(1);
    expect(await fired.innerText()).toMatch(
      /panel\s*Comagic\.trackEvent\('Inspector', 'TestEvent', 'LeadTrail Inspector', '1'\)\s+\{success: true\}\s+answered/,
    );
    const event = panel.locator('[data-testid=network-row][data-title="Event (A1)"]');
    await expect.poll(() => event.count()).toBe(1);
    const eventFields = await panel.locator('[data-testid=network] tr.request-detail').filter({ hasText: 'category (category)' }).innerText();
    expect(eventFields).toContain('category (category)\tInspector');
    expect(eventFields).toContain(`visitor id (visitor_id)\t${String(credentials['visitor_id'])}`);

    const lookup = panel.getByTestId('property-lookup');
    await lookup.locator('input[name=property]').fill('Тип посетителя');
    await lookup.getByRole('button', { name: 'getProperty' }).click();
    await expect.poll(() => text(panel, 'property-lookup')).toContain("{success: true, result: 'Потенциальный'}");

    await mkdir(screenshots, { recursive: true });
    await panel.screenshot({ path: path.join(screenshots, 'inspector-leadtrail.png'), fullPage: true });
    await panel.close();
    await page.close();
  });
});
