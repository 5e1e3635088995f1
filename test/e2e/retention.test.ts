// Retention (docs/contracts.md, "Retention"): "Keep tracking data for N days" set on the settings page
// in Chromium, visitors made by the real runtime, some of their rows aged with SQL, then the daily
// WP-Cron event run for real through wp-cron.php. Old hits, events and sessions go, and the visitors
// left with nothing; leads, callback orders and the visitors that have them stay, and so does
// everything recent. 0 (the default) deletes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, openReadyPage } from './lib/visitor';
import { adminPage, count, getOption, keepOptions, saveSettings, setClockOffset, setOption, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const HOOK = 'leadtrail_prune_tracking';
const OPTIONS = [
  'leadtrail_retention_days',
  'leadtrail_test_request_limit',
  'leadtrail_callback_enabled',
  'leadtrail_callback_captcha',
  'leadtrail_test_clock_offset',
];
let restoreOptions: () => void;
let browser: Browser;
let admin: Page;
const contexts: BrowserContext[] = [];

/** Runs PHP in the test site with WordPress loaded (the harness has no wp-cli). */
function wpPhp(code: string): void {
  const dir = e2eSite().dir;
  const host = new URL(siteUrl()).host;
  execFileSync('php', ['-r', `$_SERVER['HTTP_HOST'] = '${host}'; $_SERVER['REQUEST_URI'] = '/'; require '${dir}/wp-load.php'; ${code}`]);
}

/** Moves the daily event to `when` (unix seconds), as WordPress stores it. */
function scheduleRetention(when: number): void {
  wpPhp(`wp_clear_scheduled_hook('${HOOK}'); wp_schedule_event(${when}, 'daily', '${HOOK}'); delete_transient('doing_cron');`);
}

/** Makes the event due and lets WordPress run it: the request a real cron (or a page view's spawn) makes. */
async function runCron(): Promise<void> {
  scheduleRetention(Math.floor(Date.now() / 1000) - 1);
  const response = await fetch(`${siteUrl()}/wp-cron.php`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  // Run: WordPress put the next daily run a day on.
  await expect.poll(() => nextRun() > Date.now() / 1000 + 3600, { timeout: 10_000 }).toBe(true);
}

const nextRun = () => {
  const cron = getOption('cron') ?? '';
  const at = cron.match(new RegExp(`i:(\\d+);a:1:\\{s:${HOOK.length}:"${HOOK}"`))?.[1];
  return Number(at ?? 0);
};

type Visitor = { id: number; page: Page };
async function visitor(): Promise<Visitor> {
  const { context, page, credentials } = await newVisitor(browser);
  contexts.push(context);
  return { id: credentials.visitor_id, page };
}

/** Every row of a visitor, per table (leads and callbacks included). */
function rowsOf(id: number) {
  return Object.fromEntries(
    ['visitors', 'sessions', 'hits', 'events', 'properties', 'contacts', 'requests_seen', 'requests', 'callbacks'].map((table) => [
      table,
      count(table, table === 'visitors' ? `id = ${id}` : `visitor_id = ${id}`),
    ]),
  );
}

/** Moves a visitor's tracking rows `days` into the past, as if they were that old. */
function age(id: number, days: number, where = '1=1') {
  const back = (column: string) => `${column} = ${column} - INTERVAL ${days} DAY`;
  sql(`UPDATE wp_leadtrail_events SET ${back('created_at')} WHERE visitor_id = ${id} AND ${where}`);
  sql(`UPDATE wp_leadtrail_hits SET ${back('created_at')} WHERE visitor_id = ${id} AND ${where}`);
  sql(`UPDATE wp_leadtrail_sessions SET ${back('started_at')}, ${back('last_hit_at')} WHERE visitor_id = ${id}`);
  sql(`UPDATE wp_leadtrail_requests_seen SET ${back('created_at')} WHERE visitor_id = ${id}`);
  sql(`UPDATE wp_leadtrail_requests SET ${back('created_at')} WHERE visitor_id = ${id}`);
  sql(`UPDATE wp_leadtrail_callbacks SET ${back('created_at')}, ${back('call_at')} WHERE visitor_id = ${id}`);
  sql(`UPDATE wp_leadtrail_visitors SET ${back('created_at')}, ${back('last_seen_at')} WHERE id = ${id}`);
}

/** A visitor's page that also did what pages do: an event, a property, contacts. */
async function activeVisitor(): Promise<Visitor> {
  const v = await visitor();
  await v.page.evaluate(async () => {
    const C = (window as any).Comagic;
    C.trackEvent('Offer', 'DownloadBook');
    C.setProperty('Тип посетителя', 'Потенциальный');
    await C.addVisitorInfo({ name: 'Старый', phone: '79990000001', email: 'old@example.com' });
  });
  await expect.poll(() => count('events', `visitor_id = ${v.id}`)).toBe(1);
  await expect.poll(() => count('properties', `visitor_id = ${v.id}`)).toBe(1);
  return v;
}

beforeAll(async () => {
  restoreOptions = keepOptions(OPTIONS);
  setOption('leadtrail_test_request_limit', '100000');
  setOption('leadtrail_callback_enabled', '1');
  setOption('leadtrail_callback_captcha', '0');
  // An hour on (the test clock): the site-wide 10-a-minute callback limit (R6) that earlier files used is free again.
  setClockOffset(Number(getOption('leadtrail_test_clock_offset') ?? 0) + 3600);
  // No page view's cron spawn runs the job before the test does.
  scheduleRetention(Math.floor(Date.now() / 1000) + 86400);
  browser = await launchBrowser();
  admin = await adminPage(browser);
  contexts.push(admin.context());
});

afterAll(async () => {
  restoreOptions?.();
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe('the setting', () => {
  it('is empty (keep forever) by default, and says what it deletes and what it keeps', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    expect(await admin.inputValue('#leadtrail_retention_days')).toBe('');
    const scope = await admin.locator('#leadtrail-retention-scope').innerText();
    expect(scope).toContain('page views (hits), events and sessions older than this are deleted');
    expect(scope).toContain('Requests (leads) and callback orders are business records: they are never deleted here');
  });

  it('saves 30 days, and refuses a bad value by name, keeping 30', async () => {
    await admin.fill('#leadtrail_retention_days', '30');
    expect(await saveSettings(admin)).toContain('Settings saved.');
    expect(getOption('leadtrail_retention_days')).toBe('30');
    expect(await admin.inputValue('#leadtrail_retention_days')).toBe('30');

    await admin.locator('#leadtrail_retention_days').evaluate((input: HTMLInputElement) => {
      input.removeAttribute('min');
      input.value = '-5';
    });
    expect(await saveSettings(admin)).toContain(
      'Keep tracking data: enter a whole number of days from 0 to 3650 (0 or empty keeps it forever). The previous value was kept.',
    );
    expect(getOption('leadtrail_retention_days')).toBe('30');
    expect(await admin.inputValue('#leadtrail_retention_days')).toBe('30');
  });
});

describe('the daily job', () => {
  let gone: Visitor; // old, nothing else: deleted with all its data
  let withLead: Visitor; // old, with a lead: the lead and the visitor stay
  let withCallback: Visitor; // old, with a callback order: likewise
  let returning: Visitor; // an old visit and a recent one: only the old one goes
  let recent: Visitor; // untouched
  let recentBefore: Record<string, number>;

  it('five visitors through the runtime; four of them 40 days old, one of those back today', async () => {
    expect(
      sql("SHOW INDEX FROM wp_leadtrail_sessions WHERE Key_name = 'last_hit_at'"),
      'sessions go by last_hit_at through an index (migration 007)',
    ).toHaveLength(1);
    gone = await activeVisitor();
    withLead = await activeVisitor();
    expect(
      await withLead.page.evaluate(() =>
        (window as any).Comagic.addOfflineRequest({ name: 'Иван', phone: '79990000002', message: 'Заявка, которая остаётся' }),
      ),
    ).toMatchObject({ success: true });
    withCallback = await visitor();
    expect(await withCallback.page.evaluate(() => (window as any).ComagicWidget.sitePhoneCall({ phone: '79990000003' }))).toMatchObject({
      success: true,
      result: { status: 0 },
    });
    returning = await activeVisitor();
    recent = await activeVisitor();
    for (const v of [gone, withLead, withCallback, returning]) age(v.id, 40);
    // The returning visitor comes back today: a new session (the old one is 40 days idle), a new hit.
    await openReadyPage(returning.page.context());
    recentBefore = rowsOf(recent.id);
  });

  it('deletes nothing while the setting is 0 (keep forever)', async () => {
    setOption('leadtrail_retention_days', '0');
    const before = [gone, withLead, withCallback, returning, recent].map((v) => rowsOf(v.id));
    await runCron();
    expect([gone, withLead, withCallback, returning, recent].map((v) => rowsOf(v.id))).toEqual(before);
    setOption('leadtrail_retention_days', '30');
  });

  it('with 30 days: deletes the old rows and the visitors left with nothing, keeps leads, callbacks and recent data', async () => {
    const returningBefore = rowsOf(returning.id);
    await runCron();

    expect(rowsOf(gone.id), 'an old visitor with nothing else is gone, with its name, contacts and properties').toEqual({
      visitors: 0,
      sessions: 0,
      hits: 0,
      events: 0,
      properties: 0,
      contacts: 0,
      requests_seen: 0,
      requests: 0,
      callbacks: 0,
    });
    expect(rowsOf(withLead.id), 'the lead keeps its visitor (and the visitor’s own data)').toEqual({
      visitors: 1,
      sessions: 0,
      hits: 0,
      events: 0,
      properties: 1,
      contacts: 2,
      requests_seen: 0,
      requests: 1,
      callbacks: 0,
    });
    expect(sql(`SELECT message FROM wp_leadtrail_requests WHERE visitor_id = ${withLead.id}`)).toEqual([['Заявка, которая остаётся']]);
    expect(rowsOf(withCallback.id)).toMatchObject({ visitors: 1, sessions: 0, hits: 0, callbacks: 1 });
    expect(rowsOf(returning.id), 'only the old visit goes').toMatchObject({
      visitors: 1,
      sessions: 1,
      hits: 1,
      events: 0,
      properties: 1,
      contacts: 2,
    });
    expect(returningBefore).toMatchObject({ sessions: 2, hits: 2, events: 1 });
    expect(rowsOf(recent.id), 'recent data is untouched').toEqual(recentBefore);
  });

  it('a pruned visitor who comes back is welcomed as a new visitor', async () => {
    const { credentials } = await openReadyPage(gone.page.context());
    expect(credentials.visitor_id).not.toBe(gone.id);
    expect(rowsOf(credentials.visitor_id)).toMatchObject({ visitors: 1, sessions: 1, hits: 1 });
  });
});
