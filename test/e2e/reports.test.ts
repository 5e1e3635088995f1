// Reports (docs/contracts.md, "Reports"): a fixed set of visitors, sessions, events, leads and sales
// written through the real hit, event and request endpoints at chosen times (the test clock), in a
// site time zone of UTC+5, so that one session falls on the next local day while UTC still says the
// day before. The overview's totals, chart points and channel rows (last and first touch, with and
// without comparison) must equal the numbers this file computes from its own fixture; in Chromium
// the screen shows them, drills down, and its CSV holds the same numbers; an Editor gets nothing.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { hitEndpoints, leanUrl, requestId } from './lib/api';
import { holdCron, runDailyEvent, wpPhp } from './lib/cron';
import { e2eSite } from './lib/site';
import { adminPage, count, getOption, keepOptions, logIn, readSiteKey, setClockOffset, setOption, siteUrl, sql } from './lib/wp';

const ZONE = 'Asia/Yekaterinburg'; // UTC+5 all year, no DST
const unix = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+05:00`) / 1000;
const OPTIONS = [
  'timezone_string',
  'gmt_offset',
  'leadtrail_test_clock_offset',
  'leadtrail_reports_synced_at',
  'leadtrail_test_request_limit',
  'leadtrail_calls_token',
  'leadtrail_retention_days',
  'leadtrail_reports_rebuild',
];
const CALLS_TOKEN = 'ReportsTestCallsToken0123456789abcdefABCDEF01234'; // 48 letters and digits, as the plugin makes them

type Channel = { source: string; medium: string; campaign: string };
type Lead = { at: string; sale?: number };
type Visit = {
  visitor: string;
  at: string;
  query: string;
  referrer: string;
  channel: Channel;
  pages: number;
  leads: Lead[];
  events: string[];
  chats?: string[];
};

const direct: Channel = { source: '(direct)', medium: '(none)', campaign: '' };
const cpc: Channel = { source: 'google', medium: 'cpc', campaign: 'spring' };
const mail: Channel = { source: 'newsletter', medium: 'email', campaign: 'may' };
const organic: Channel = { source: 'google.com', medium: 'organic', campaign: '' };

// In visiting order; a visitor's first visit is its first touch.
const visits: Visit[] = [
  { visitor: 'v4', at: '2024-05-09 12:00', query: '', referrer: '', channel: direct, pages: 1, leads: [{ at: '2024-05-09 12:01' }], events: [] },
  {
    visitor: 'v1',
    at: '2024-05-10 10:00',
    query: '?utm_source=google&utm_medium=cpc&utm_campaign=spring',
    referrer: '',
    channel: cpc,
    pages: 1,
    leads: [{ at: '2024-05-10 10:05', sale: 1000.5 }],
    events: [],
  },
  {
    visitor: 'v3',
    at: '2024-05-10 23:30',
    query: '',
    referrer: 'https://www.google.com/search?q=leads',
    channel: organic,
    pages: 2,
    leads: [],
    events: ['form/open'],
  },
  // 02:00 at UTC+5 is 21:00 UTC of the day before: this visit belongs to the 11th.
  {
    visitor: 'v2',
    at: '2024-05-11 02:00',
    query: '?utm_source=newsletter&utm_medium=email&utm_campaign=may',
    referrer: '',
    channel: mail,
    pages: 1,
    leads: [{ at: '2024-05-11 02:02', sale: 200 }],
    events: ['form/open'],
  },
  // A chat is a lead too: this session has a request and a chat.
  {
    visitor: 'v1',
    at: '2024-05-11 12:00',
    query: '',
    referrer: '',
    channel: direct,
    pages: 1,
    leads: [{ at: '2024-05-11 12:05' }],
    events: [],
    chats: ['2024-05-11 12:03'],
  },
];
// A call to a number that is none of the site's: a lead with no session, in the empty channel.
const calls = [{ at: '2024-05-11 15:00', caller: '79125550101' }];
const none: Channel = { source: '', medium: '', campaign: '' };
const A = '2024-05-10';
const B = '2024-05-11';

const dayOf = (local: string) => local.slice(0, 10);
const firstTouch = (visit: Visit) => visits.find((v) => v.visitor === visit.visitor)!.channel;
const inRange = (from: string, to: string) => visits.filter((v) => dayOf(v.at) >= from && dayOf(v.at) <= to);
const leadsIn = (from: string, to: string) =>
  visits.flatMap((v) => v.leads.map((lead) => ({ visit: v, lead }))).filter(({ lead }) => dayOf(lead.at) >= from && dayOf(lead.at) <= to);
const callsIn = (from: string, to: string) => calls.filter((call) => dayOf(call.at) >= from && dayOf(call.at) <= to);
const chatsIn = (from: string, to: string) =>
  visits.flatMap((v) => (v.chats ?? []).map((at) => ({ visit: v, at }))).filter(({ at }) => dayOf(at) >= from && dayOf(at) <= to);

function expectedTotals(from: string, to: string) {
  const sessions = inRange(from, to);
  const leads = leadsIn(from, to);
  const chats = chatsIn(from, to);
  const sales = leads.filter(({ lead }) => lead.sale !== undefined);
  const leadSessions = new Set([...leads, ...chats].map(({ visit }) => visit)).size;
  return {
    visitors: new Set(sessions.map((v) => v.visitor)).size,
    sessions: sessions.length,
    pageviews: sessions.reduce((sum, v) => sum + v.pages, 0),
    leads: leads.length + callsIn(from, to).length + chats.length,
    requests: leads.length,
    calls: callsIn(from, to).length,
    chats: chats.length,
    sales: sales.length,
    revenue: Math.round(100 * sales.reduce((sum, { lead }) => sum + lead.sale!, 0)) / 100,
    conversion: sessions.length ? Math.round((10000 * leadSessions) / sessions.length) / 100 : 0,
  };
}

function expectedChannels(from: string, to: string, touch: 'last' | 'first') {
  const rows = new Map<string, { source: string; medium: string; sessions: number; leads: number; sales: number; revenue: number }>();
  const row = (channel: Channel) => {
    const key = `${channel.source}/${channel.medium}`;
    if (!rows.has(key)) rows.set(key, { source: channel.source, medium: channel.medium, sessions: 0, leads: 0, sales: 0, revenue: 0 });
    return rows.get(key)!;
  };
  const channelOf = (visit: Visit) => (touch === 'last' ? visit.channel : firstTouch(visit));
  for (const visit of inRange(from, to)) row(channelOf(visit)).sessions++;
  for (const _call of callsIn(from, to)) row(none).leads++;
  for (const { visit } of chatsIn(from, to)) row(channelOf(visit)).leads++;
  for (const { visit, lead } of leadsIn(from, to)) {
    const target = row(channelOf(visit));
    target.leads++;
    if (lead.sale !== undefined) {
      target.sales++;
      target.revenue += lead.sale;
    }
  }
  return [...rows.values()].sort((a, b) => `${a.source}/${a.medium}`.localeCompare(`${b.source}/${b.medium}`));
}

let browser: Browser;
let admin: Page;
/** Each visitor's identity as of its last visit (visitor, session, hit, token), to send later leads with. */
const identities = new Map<string, { visitor_id: number; session_id: number; hit_id: number; token: string }>();
let restoreOptions: () => void;

async function post(url: string, body: object) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as any;
  expect(response.status, JSON.stringify(json)).toBe(200);
  return json.result;
}

/** Writes the fixture: each hit, event and lead with the server's clock at its time. */
async function writeFixture() {
  const siteKey = readSiteKey();
  const known = new Map<string, { visitor_id: number; token: string }>();
  const at = (local: string, plusSeconds = 0) => setClockOffset(unix(local) + plusSeconds - Math.floor(Date.now() / 1000));
  for (const visit of visits) {
    let hit: any;
    for (let page = 0; page < visit.pages; page++) {
      at(visit.at, page * 60);
      const ids = known.get(visit.visitor);
      hit = await post(hitEndpoints.collect(), {
        site_key: siteKey,
        url: `${siteUrl()}/leadtrail-demo/${page ? 'more/' : ''}${page ? '' : visit.query}`,
        referrer: page ? `${siteUrl()}/leadtrail-demo/` : visit.referrer,
        title: 'Reports',
        ...ids,
      });
      known.set(visit.visitor, { visitor_id: hit.visitor_id, token: hit.token });
    }
    const identity = { visitor_id: hit.visitor_id, session_id: hit.session_id, hit_id: hit.hit_id, token: hit.token };
    identities.set(visit.visitor, identity);
    for (const event of visit.events) {
      at(visit.at, 90);
      const [category, action] = event.split('/');
      await post(leanUrl('event'), { ...identity, request_id: requestId(), category, action });
    }
    for (const chat of visit.chats ?? []) {
      at(chat);
      await post(leanUrl('chat'), {
        visitor_id: identity.visitor_id,
        token: identity.token,
        text: `Chat ${visit.visitor} ${chat}`,
        page: `${siteUrl()}/leadtrail-demo/`,
      });
    }
    for (const lead of visit.leads) {
      at(lead.at);
      const sale = lead.sale === undefined ? {} : { is_sale: true, sale_cost: lead.sale };
      await post(leanUrl('request'), { ...identity, request_id: requestId(), name: `Lead ${visit.visitor} ${lead.at}`, phone: '79001234567', ...sale });
    }
  }
  for (const call of calls) {
    const response = await fetch(`${siteUrl()}/wp-json/leadtrail/v1/calls`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${CALLS_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        called_number: '74950000000',
        caller_number: call.caller,
        start_time: `${call.at.replace(' ', 'T')}:00+05:00`,
        status: 'answered',
      }),
    });
    expect(response.status, await response.text()).toBe(201);
  }
  setClockOffset(0);
}

/** Calls a reports route as the logged-in user of `page` (wp.apiFetch carries the REST nonce). */
function api(page: Page, path: string, method = 'GET'): Promise<any> {
  return page.evaluate(({ path, method }) => (window as any).wp.apiFetch({ path, method }), { path, method });
}

const overviewUrl = () => `${siteUrl()}/wp-admin/admin.php?page=leadtrail-overview`;

beforeAll(async () => {
  restoreOptions = keepOptions(OPTIONS);
  setOption('timezone_string', ZONE);
  setOption('gmt_offset', '');
  setOption('leadtrail_test_request_limit', '1000');
  setOption('leadtrail_calls_token', CALLS_TOKEN);
  await writeFixture();
  browser = await launchBrowser();
  admin = await adminPage(browser);
  await admin.goto(overviewUrl());
  let step = await api(admin, '/leadtrail/v1/reports/rebuild?restart=1', 'POST');
  while (!step.finished) step = await api(admin, '/leadtrail/v1/reports/rebuild', 'POST');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  restoreOptions?.();
  // The fixture's chat waits for an operator: it must not reach another file's console or mails.
  sql(`DELETE m FROM wp_leadtrail_chat_messages m JOIN wp_leadtrail_chats c ON c.id = m.chat_id WHERE c.visitor_id = ${identities.get('v1')?.visitor_id ?? 0}`);
  sql(`DELETE FROM wp_leadtrail_chats WHERE visitor_id = ${identities.get('v1')?.visitor_id ?? 0}`);
});

describe('reports: numbers from the aggregates', () => {
  it('totals and chart points equal the fixture, a session at 21:00 UTC counted on the next local day', async () => {
    const answer = await api(admin, `/leadtrail/v1/reports/overview?from=${A}&to=${B}`);
    expect(answer.totals).toMatchObject(expectedTotals(A, B));
    expect(answer.previous).toBeUndefined();
    expect(answer.chart.unit).toBe('day');
    expect(answer.chart.points).toEqual(
      [A, B].map((day) => ({
        at: day,
        sessions: inRange(day, day).length,
        leads: leadsIn(day, day).length + callsIn(day, day).length + chatsIn(day, day).length,
      })),
    );
    // The 11th alone: per hour, the newsletter visit at 02:00 local and the direct one at 12:00.
    const day = await api(admin, `/leadtrail/v1/reports/overview?from=${B}&to=${B}`);
    expect(day.chart.unit).toBe('hour');
    expect(day.chart.points.filter((p: any) => p.sessions > 0).map((p: any) => p.at)).toEqual([`${B} 02:00`, `${B} 12:00`]);
    expect(day.totals).toMatchObject(expectedTotals(B, B));
  });

  it('compares with the previous period of the same length', async () => {
    const answer = await api(admin, `/leadtrail/v1/reports/overview?from=${A}&to=${B}&compare=1`);
    expect(answer.previous.range).toEqual({ from: '2024-05-08', to: '2024-05-09' });
    expect(answer.previous.totals).toMatchObject(expectedTotals('2024-05-08', '2024-05-09'));
    expect(answer.previous.totals.sessions).toBe(1);
  });

  it.each(['last', 'first'] as const)('channel rows by %s touch', async (touch) => {
    const answer = await api(admin, `/leadtrail/v1/reports/channels?from=${A}&to=${B}&touch=${touch}`);
    const rows = answer.rows
      .filter((r: any) => r.sessions > 0 || r.leads > 0)
      .map((r: any) => ({ source: r.source, medium: r.medium, sessions: r.sessions, leads: r.leads, sales: r.sales, revenue: r.revenue }))
      .sort((a: any, b: any) => `${a.source}/${a.medium}`.localeCompare(`${b.source}/${b.medium}`));
    expect(rows).toEqual(expectedChannels(A, B, touch));
  });

  it("drills down to a channel's campaigns and leads, and counts events with the leads of their sessions", async () => {
    const campaigns = await api(admin, `/leadtrail/v1/reports/channels?from=${A}&to=${B}&touch=first&source=google&medium=cpc`);
    expect(campaigns.rows.map((r: any) => [r.campaign, r.sessions, r.leads])).toEqual([['spring', 2, 3]]);
    const leads = await api(admin, `/leadtrail/v1/reports/leads?from=${A}&to=${B}&touch=first&source=google&medium=cpc`);
    expect(leads.rows.map((r: any) => [r.kind, r.kind == 'chat' ? r.page : r.contact])).toEqual([
      ['request', 'Lead v1 2024-05-11 12:05'],
      ['chat', expect.stringContaining('/leadtrail-demo/')],
      ['request', 'Lead v1 2024-05-10 10:05'],
    ]);
    const events = await api(admin, `/leadtrail/v1/reports/events?from=${A}&to=${B}`);
    expect(events.rows).toEqual([{ category: 'form', action: 'open', events: 2, sessions: 2, leads: 1 }]);
  });

  it("distinct visitors of every range equal the raw sessions' count: from the aggregates, and from the sessions while a rebuild is pending", async () => {
    const days = ['2024-05-08', '2024-05-09', A, B, '2024-05-12'];
    const ranges = days.flatMap((from, i) => days.slice(i).map((to) => [from, to] as const));
    const visitors = async () =>
      Promise.all(ranges.map(async ([from, to]) => (await api(admin, `/leadtrail/v1/reports/overview?from=${from}&to=${to}`)).totals.visitors));
    const expected = ranges.map(([from, to]) => expectedTotals(from, to).visitors);
    // v1 comes on the 10th and the 11th: counted once in every range holding both.
    expect(expected[ranges.findIndex(([from, to]) => from == A && to == B)]).toBe(3);
    expect(
      ranges.map(([from, to]) =>
        Number(sql(`SELECT COUNT(DISTINCT visitor_id) FROM wp_leadtrail_sessions WHERE local_day BETWEEN '${from}' AND '${to}'`)[0]![0]),
      ),
    ).toEqual(expected);
    expect(await visitors()).toEqual(expected);

    // The count is the aggregates' own: emptied, it reads 0 until the next rebuild; a pending one counts the sessions.
    // (A spawned wp-cron.php would run the catch-up, which goes on with a pending rebuild.)
    onTestFinished(holdCron());
    const rows = sql('SELECT day, prev_day, visitors FROM wp_leadtrail_report_visitors ORDER BY day, prev_day');
    sql('DELETE FROM wp_leadtrail_report_visitors');
    try {
      expect(await visitors()).toEqual(ranges.map(() => 0));
      setOption('leadtrail_reports_rebuild', 'a:3:{s:4:"next";s:10:"2024-05-09";s:4:"last";s:10:"2024-05-12";s:5:"total";i:4;}');
      expect(await visitors()).toEqual(expected);
      const step = await api(admin, '/leadtrail/v1/reports/rebuild', 'POST');
      expect(step).toMatchObject({ done: 4, total: 4, finished: true });
      expect(getOption('leadtrail_reports_rebuild')).toBeUndefined();
      // The rebuild's days as they were (other files' visits of today are not its to redo).
      const rebuilt = (table: string[][]) => table.filter(([day]) => day! >= '2024-05-09' && day! <= '2024-05-12');
      expect(sql('SELECT day, prev_day, visitors FROM wp_leadtrail_report_visitors ORDER BY day, prev_day')).toEqual(rebuilt(rows));
      expect(rebuilt(rows).length).toBeGreaterThan(3);
      expect(await visitors()).toEqual(expected);
    } finally {
      sql('DELETE FROM wp_leadtrail_report_visitors');
      for (const [day, prev, n] of rows) sql(`INSERT INTO wp_leadtrail_report_visitors VALUES ('${day}', '${prev}', ${n})`);
    }
  });

  it('refuses a bad range naming the field, and answers nobody logged out', async () => {
    expect((await fetch(`${siteUrl()}/wp-json/leadtrail/v1/reports/overview?from=${A}&to=${B}`)).status).toBe(401);
    const refusal = await admin.evaluate(
      (path) => (window as any).wp.apiFetch({ path }).catch((error: unknown) => error),
      `/leadtrail/v1/reports/overview?from=${B}&to=${A}`,
    );
    expect(refusal).toMatchObject({ code: 'leadtrail_invalid_to', data: { status: 400, field: 'to' } });
    const touch = await admin.evaluate(
      (path) => (window as any).wp.apiFetch({ path }).catch((error: unknown) => error),
      `/leadtrail/v1/reports/channels?from=${A}&to=${B}&touch=middle`,
    );
    expect(touch).toMatchObject({ data: { field: 'touch' } });
  });
});

async function restNonce(page: Page): Promise<string> {
  return page.evaluate(async (url) => (await fetch(url)).text(), `${siteUrl()}/wp-admin/admin-ajax.php?action=rest-nonce`);
}

describe('reports: the Overview screen in Chromium', () => {
  async function openRange(from: string, to: string) {
    await admin.goto(overviewUrl());
    await admin.getByLabel('Period', { exact: true }).selectOption('custom');
    await admin.getByLabel('From', { exact: true }).fill(from);
    await admin.getByLabel('To', { exact: true }).fill(to);
  }

  it('shows the totals, drills down, and its CSV holds the same numbers', async () => {
    await openRange(A, B);
    const expected = expectedTotals(A, B);
    // All three at once: while the range is typed, a range in between (From set, To not yet) shows too.
    const totals = () =>
      Promise.all(['sessions', 'leads', 'revenue'].map((name) => admin.locator(`[data-total="${name}"] .leadtrail-total-value`).textContent()));
    await expect.poll(totals).toEqual([expected.sessions, expected.leads, expected.revenue].map(String));

    const channels = admin.locator('[data-table="channels"]');
    const [download] = await Promise.all([admin.waitForEvent('download'), channels.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await streamText(await download.createReadStream());
    const lines = csv
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines[0]).toEqual(['Source', 'Medium', 'Sessions', 'Leads', 'Conversion (%)', 'Sales', 'Revenue']);
    const fromCsv = lines
      .slice(1)
      .map(([source, medium, sessions, leads, , sales, revenue]) => ({
        source,
        medium,
        sessions: Number(sessions),
        leads: Number(leads),
        sales: Number(sales),
        revenue: Number(revenue),
      }))
      .sort((a, b) => `${a.source}/${a.medium}`.localeCompare(`${b.source}/${b.medium}`));
    expect(fromCsv).toEqual(expectedChannels(A, B, 'last'));

    await channels.locator('tr', { hasText: 'newsletter' }).getByRole('button', { name: 'Campaigns' }).click();
    await expect.poll(() => admin.locator('[data-table="campaigns"] td[data-column="campaign"]').allTextContents()).toEqual(['may']);
    await admin.locator('[data-table="channels"] tr', { hasText: 'newsletter' }).getByRole('button', { name: 'Leads' }).click();
    await expect.poll(() => admin.locator('[data-table="leads"] td[data-column="contact"]').allTextContents()).toEqual(['Lead v2 2024-05-11 02:02']);
  });

  it('keeps the range chosen last when an older range answers after it', async () => {
    // Every answer but the chosen range's is held back until that one is shown: a longer range, or a
    // slow server, answers out of order.
    const chosen = `from=${A}&to=${B}`;
    const STALE = 7777;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: Promise<void>[] = [];
    await admin.route(/leadtrail(\/|%2F)v1(\/|%2F)reports(\/|%2F)(overview|channels|pages|events)/, (route) => {
      if (route.request().url().includes(chosen)) return route.continue();
      // Its real answer, its sessions marked, so that the page would show the mark if it took it.
      const delivered = released.then(async () => {
        const response = await route.fetch();
        const body = await response.json();
        if (body?.totals) body.totals.sessions = STALE;
        await route.fulfill({ response, json: body });
      });
      held.push(delivered);
      return delivered;
    });
    const sessions = admin.locator('[data-total="sessions"] .leadtrail-total-value');
    try {
      await openRange(A, B);
      await expect.poll(() => sessions.textContent()).toBe(String(expectedTotals(A, B).sessions));
      expect(held.length).toBeGreaterThan(0);
      release();
      await Promise.all(held);
      // The late answers have reached the page: let it render whatever it does with them.
      await admin.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
      expect(await sessions.textContent()).toBe(String(expectedTotals(A, B).sessions));
    } finally {
      release();
      await admin.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  it("the Dashboard has the last 7 days' box linking to the overview", async () => {
    await admin.goto(`${siteUrl()}/wp-admin/`);
    const box = admin.locator('#leadtrail_overview');
    await expect.poll(() => box.locator('.leadtrail-dashboard-sessions').count()).toBe(1);
    expect(await box.getByRole('link', { name: 'Open the overview' }).getAttribute('href')).toContain('page=leadtrail-overview');
  });

  it('says how to start when the range has no data', async () => {
    await openRange('2023-01-01', '2023-01-07');
    await expect.poll(() => admin.locator('.leadtrail-empty').textContent()).toContain('open any page of your site');
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('reports: who may read them', () => {
  it('an Editor gets no data from the routes', async () => {
    wpPhp(
      `if (!username_exists('report_editor')) { $id = wp_create_user('report_editor', 'editor-pass-1', 'report_editor@example.test'); (new WP_User($id))->set_role('editor'); }`,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, 'report_editor', 'editor-pass-1');
    await page.goto(`${siteUrl()}/wp-admin/profile.php`);
    const nonce = await restNonce(page);
    expect(nonce).toMatch(/^[0-9a-f]{10}$/);
    for (const route of ['overview', 'channels', 'pages', 'events']) {
      const status = await page.evaluate(async ({ url, nonce }) => (await fetch(url, { headers: { 'X-WP-Nonce': nonce } })).status, {
        url: `${siteUrl()}/wp-json/leadtrail/v1/reports/${route}?from=${A}&to=${B}`,
        nonce,
      });
      expect(status, route).toBe(403);
    }
    await context.close();
  });
});

describe('reports: WP-CLI', () => {
  // WP-CLI from the development tools (composer.json); it refuses root unless told.
  const wp = fileURLToPath(new URL('../../vendor/bin/wp', import.meta.url));

  it('`wp leadtrail reports rebuild` prints its progress and rebuilds the emptied aggregates', async () => {
    for (const table of ['channels', 'pages', 'events', 'visitors']) sql(`DELETE FROM wp_leadtrail_report_${table}`);
    expect((await api(admin, `/leadtrail/v1/reports/overview?from=${A}&to=${B}`)).totals).toMatchObject({ sessions: 0, visitors: 0 });
    const output = execFileSync(wp, ['leadtrail', 'reports', 'rebuild', `--path=${e2eSite().dir}`, '--allow-root'], { encoding: 'utf8' });
    const progress = [...output.matchAll(/^(\d+) \/ (\d+) days$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(progress.length, output).toBeGreaterThan(0);
    const [done, total] = progress.at(-1)!;
    // From the fixture's first day (the 9th) to today.
    expect(total).toBeGreaterThan(365);
    expect(done).toBe(total);
    expect(output).toContain('Success: Reports rebuilt.');
    const answer = await api(admin, `/leadtrail/v1/reports/overview?from=${A}&to=${B}`);
    expect(answer.totals).toMatchObject(expectedTotals(A, B));
    const events = await api(admin, `/leadtrail/v1/reports/events?from=${A}&to=${B}`);
    expect(events.rows).toEqual([{ category: 'form', action: 'open', events: 2, sessions: 2, leads: 1 }]);
  });
});

describe("reports: the upgrade that adds the distinct visitors' aggregate", () => {
  it('starts a rebuild that the cron job finishes; until then the visitors are counted from the sessions', async () => {
    const files = fs.readdirSync(new URL('../../wp-plugin/migrations', import.meta.url)).filter((f) => /^\d{3}-.*\.php$/.test(f));
    const latest = files.length;
    // The site as it was before the migration that adds the table (the later ones add to it again harmlessly).
    const before = Number(files.find((f) => f.endsWith('-report-visitors.php'))!.slice(0, 3)) - 1;
    const visitors = async () => (await api(admin, `/leadtrail/v1/reports/overview?from=${A}&to=${B}`)).totals.visitors;
    // A page load spawns wp-cron.php, whose catch-up would go on with the rebuild the test looks at.
    onTestFinished(holdCron());
    sql('DROP TABLE wp_leadtrail_report_visitors');
    setOption('leadtrail_db_version', String(before));
    await (await fetch(`${siteUrl()}/`)).arrayBuffer();
    expect(getOption('leadtrail_db_version')).toBe(String(latest));
    expect(getOption('leadtrail_reports_rebuild')).toMatch(/"next"/);
    expect(count('report_visitors')).toBe(0);
    expect(await visitors()).toBe(expectedTotals(A, B).visitors);

    wpPhp("do_action('leadtrail_report_catch_up');");
    expect(getOption('leadtrail_reports_rebuild')).toBeUndefined();
    expect(count('report_visitors')).toBeGreaterThan(0);
    expect(await visitors()).toBe(expectedTotals(A, B).visitors);
  });
});

describe('reports: a lead long after its session', () => {
  it("reaches its session's landing page and events with the next catch-up, no rebuild", async () => {
    // v3's organic visit of the 10th (landing page /leadtrail-demo/, event form/open) had no lead;
    // its visitor sends one three days later, from the page left open.
    const pageRow = async () => (await api(admin, `/leadtrail/v1/reports/pages?from=${A}&to=${A}`)).rows.find((r: any) => r.page.endsWith('/leadtrail-demo/'));
    const eventRow = async () => (await api(admin, `/leadtrail/v1/reports/events?from=${A}&to=${A}`)).rows[0];
    const before = { page: (await pageRow()).leads, event: (await eventRow()).leads };
    setOption('leadtrail_reports_synced_at', String(unix('2024-05-13 11:58')));
    setClockOffset(unix('2024-05-13 12:00') - Math.floor(Date.now() / 1000));
    await post(leanUrl('request'), { ...identities.get('v3')!, request_id: requestId(), name: 'Lead v3 later', phone: '79001234568' });
    // The next read of a report is past the catch-up's interval: it recomputes first.
    setClockOffset(unix('2024-05-13 12:04') - Math.floor(Date.now() / 1000));
    try {
      expect({ page: (await pageRow()).leads, event: (await eventRow()).leads }).toEqual({ page: before.page + 1, event: before.event + 1 });
    } finally {
      setClockOffset(0);
    }
  });
});

describe('reports: retention', () => {
  it('keeps the aggregates when the raw rows of those days are pruned', async () => {
    setOption('leadtrail_retention_days', '30');
    await runDailyEvent('leadtrail_prune_tracking');
    expect(count('sessions', `local_day BETWEEN '${A}' AND '${B}'`)).toBe(0);
    const answer = await api(admin, `/leadtrail/v1/reports/overview?from=${A}&to=${B}`);
    // Distinct visitors too: they are counted from their own aggregate, not from the sessions.
    expect(answer.totals).toMatchObject(expectedTotals(A, B));
  });
});
