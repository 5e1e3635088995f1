// Floods bounded, people never refused (docs/contracts.md, "Rate limits"). Every lead entry point
// (op=request, api/add_offline_message/, a captured `leadtrail_form` post) counts per visitor and
// per client address; the ceilings are far above what people reach by hand. Each scenario comes
// from its own made-up client address: the site trusts 127.0.0.1 as its proxy, and the test names
// the client in X-Forwarded-For, as a reverse proxy would. Notice e-mails beyond a few a minute
// become one digest; the callback limit (R6) counts exactly and gives each client only a share.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitEndpoints, leanUrl, requestId, restUrl } from './lib/api';
import { keepOptions, readSiteKey, setClockOffset, setOption, siteUrl, sql } from './lib/wp';

const VISITOR_CEILING = 20;
const ADDRESS_CEILING = 100;

type Visitor = { visitor_id: number; session_id: number; hit_id: number; token: string };
type Reply = { status: number; body: any; retryAfter: string | null };

let siteKey = '';
let restore: () => void;
let clock = 0;

beforeAll(() => {
  siteKey = readSiteKey();
  restore = keepOptions([
    'leadtrail_test_request_limit',
    'leadtrail_trusted_proxies',
    'leadtrail_test_clock_offset',
    'leadtrail_callback_captcha',
    'leadtrail_notify_admin',
    'leadtrail_test_notice_budget',
  ]);
  // The real ceilings, not the test suite's override.
  sql("DELETE FROM wp_options WHERE option_name = 'leadtrail_test_request_limit'");
  setOption('leadtrail_trusted_proxies', '127.0.0.1');
  setOption('leadtrail_notify_admin', '1');
});
afterAll(() => {
  restore?.();
  // Its orders fill the site's callback window: the next file's orders must not meet them.
  sql('DELETE FROM wp_leadtrail_callbacks');
});

/** A new day on the server's clock for each scenario: no earlier count weighs on it. */
function freshClock(): void {
  clock += 86_400;
  setClockOffset(clock);
}

/** A made-up public address, different for each call. */
function address(): string {
  const b = crypto.randomBytes(3);
  return `198.${18 + (b[0]! % 2)}.${b[1]}.${b[2]}`;
}

async function send(url: string, from: string, body: string, type = 'application/json'): Promise<Reply> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': type, 'X-Forwarded-For': from }, body, redirect: 'manual' });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An HTML page: the assertions look at the status.
  }
  return { status: response.status, body: parsed, retryAfter: response.headers.get('retry-after') };
}

async function newVisitorFrom(from: string): Promise<Visitor> {
  const reply = await send(
    hitEndpoints.collect(),
    from,
    JSON.stringify({ site_key: siteKey, url: `${siteUrl()}/leadtrail-demo/`, referrer: '', title: 'Flood' }),
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.result;
}

const pageLead = (v: Visitor, from: string, name: string) =>
  send(
    leanUrl('request'),
    from,
    JSON.stringify({
      visitor_id: v.visitor_id,
      session_id: v.session_id,
      hit_id: v.hit_id,
      token: v.token,
      request_id: requestId(),
      name,
      phone: '79001234567',
    }),
  );

const serverLead = (v: Visitor, from: string, name: string) =>
  send(
    restUrl('api/add_offline_message/'),
    from,
    new URLSearchParams({
      site_key: siteKey,
      visitor_id: String(v.visitor_id),
      session_id: String(v.session_id),
      name,
      phone: '79001234567',
    }).toString(),
    'application/x-www-form-urlencoded; charset=UTF-8',
  );

// `fio`, not `name`: WordPress reads a posted `name` as a post slug and answers 404.
const formPost = (from: string, fields: Record<string, string>) =>
  send(`${siteUrl()}/`, from, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');

const leadsNamed = (prefix: string) => Number(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE name LIKE '${prefix}%'`)[0]![0]);

function expectRateLimited(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.body).toMatchObject({ success: false, result: { code: 'rate_limited', field: '' } });
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
}

describe('leads: people behind one address are never refused; floods are bounded', () => {
  it('30 people behind one office address each get their page lead recorded', async () => {
    freshClock();
    const office = address();
    const tag = `Офис ${Date.now()}`;
    const people = await Promise.all(Array.from({ length: 30 }, () => newVisitorFrom(office)));
    const replies = [];
    for (const [i, person] of people.entries()) replies.push(await pageLead(person, office, `${tag} ${i}`));
    expect(replies.map((r) => r.status)).toEqual(people.map(() => 200));
    expect(leadsNamed(tag)).toBe(30);
  });

  it('op=request: one visitor is bounded at the visitor ceiling', async () => {
    freshClock();
    const from = address();
    const v = await newVisitorFrom(from);
    const tag = `Один ${Date.now()}`;
    const replies = [];
    for (let i = 0; i < VISITOR_CEILING + 3; i++) replies.push(await pageLead(v, from, `${tag} ${i}`));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(VISITOR_CEILING);
    for (const refused of replies.slice(VISITOR_CEILING)) expectRateLimited(refused);
    expect(leadsNamed(tag)).toBe(VISITOR_CEILING);
  });

  it('op=request: many fresh visitors from one address are bounded at the address ceiling', async () => {
    freshClock();
    const from = address();
    const tag = `Толпа ${Date.now()}`;
    const visitors = await Promise.all(Array.from({ length: 12 }, () => newVisitorFrom(from)));
    const replies = [];
    for (let i = 0; i < ADDRESS_CEILING + 10; i++) replies.push(await pageLead(visitors[i % 12]!, from, `${tag} ${i}`));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(ADDRESS_CEILING);
    expectRateLimited(replies.at(-1)!);
    expect(leadsNamed(tag)).toBe(ADDRESS_CEILING);
  });

  it('api/add_offline_message/: fresh visitors from one caller are bounded at the address ceiling, one visitor at its own', async () => {
    freshClock();
    const from = address();
    const tag = `Сервер ${Date.now()}`;
    const visitors = await Promise.all(Array.from({ length: 12 }, () => newVisitorFrom(from)));
    const replies = [];
    for (let i = 0; i < ADDRESS_CEILING + 10; i++) replies.push(await serverLead(visitors[i % 12]!, from, `${tag} ${i}`));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(ADDRESS_CEILING);
    expectRateLimited(replies.at(-1)!);
    expect(leadsNamed(tag)).toBe(ADDRESS_CEILING);

    freshClock();
    const single = `${tag} один`;
    const one = [];
    for (let i = 0; i < VISITOR_CEILING + 2; i++) one.push(await serverLead(visitors[0]!, address(), `${single} ${i}`));
    expect(one.filter((r) => r.status === 200)).toHaveLength(VISITOR_CEILING);
    expectRateLimited(one.at(-1)!);
  });

  it("the site's own server (a loopback caller) forwarding many visitors' leads is counted per visitor only", async () => {
    freshClock();
    const tag = `Свой сервер ${Date.now()}`;
    const visitors = await Promise.all(Array.from({ length: 6 }, () => newVisitorFrom(address())));
    const replies = [];
    for (let i = 0; i < 6 * VISITOR_CEILING; i++) replies.push(await serverLead(visitors[i % 6]!, '127.0.0.1', `${tag} ${i}`));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(6 * VISITOR_CEILING);
  });

  it('60 concurrent captured leadtrail_form posts of one visitor are bounded at the visitor ceiling', async () => {
    freshClock();
    const from = address();
    const v = await newVisitorFrom(from);
    const tag = `Форма ${Date.now()}`;
    const hidden = { site_key: siteKey, visitor_id: String(v.visitor_id), session_id: String(v.session_id), hit_id: String(v.hit_id) };
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => formPost(from, { ...hidden, leadtrail_form: 'Flood form', fio: `${tag} ${i}`, phone: '79001234567' })),
    );
    expect(leadsNamed(tag)).toBe(VISITOR_CEILING);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(60 - VISITOR_CEILING);
    expect(replies.filter((r) => r.status !== 429).map((r) => r.status)).toEqual(Array(VISITOR_CEILING).fill(200));
  });

  it('concurrent captured posts with no visitor from one address are bounded at the address ceiling', async () => {
    freshClock();
    const from = address();
    const tag = `Аноним ${Date.now()}`;
    await Promise.all(
      Array.from({ length: ADDRESS_CEILING + 20 }, (_, i) => formPost(from, { leadtrail_form: 'Flood form', fio: `${tag} ${i}`, phone: '79001234567' })),
    );
    expect(leadsNamed(tag)).toBe(ADDRESS_CEILING);
  });
});

describe('notice e-mails beyond a few a minute become one digest', () => {
  it('12 leads at once: 3 notices, then one digest listing the other 9; every lead is stored', async () => {
    freshClock();
    // The real budget (the suite's site lifts it for the other files).
    setOption('leadtrail_test_notice_budget', '3');
    // Notices still waiting from other suites would take this minute's budget.
    sql("UPDATE wp_leadtrail_requests SET notify_state = 'none' WHERE notify_state NOT IN ('sent', 'failed', 'none')");
    const tag = `Дайджест ${Date.now()}`;
    const visitors = await Promise.all(Array.from({ length: 12 }, () => newVisitorFrom(address())));
    // The REST route sends pending notices at the end of each request.
    for (const [i, v] of visitors.entries()) expect((await serverLead(v, '127.0.0.1', `${tag} ${i}`)).status).toBe(200);
    expect(leadsNamed(tag)).toBe(12);
    const mailsWith = () =>
      sql("SELECT option_value FROM wp_options WHERE option_name LIKE 'leadtrail\\_test\\_mail\\_%' ORDER BY option_id")
        .map((row) => row[0]!)
        .filter((mail) => mail.includes(tag));
    expect(mailsWith()).toHaveLength(3);

    // A minute later the next full load (here the REST route again) sends the digest.
    setClockOffset(clock + 120);
    expect((await serverLead(await newVisitorFrom(address()), '127.0.0.1', `Позже ${Date.now()}`)).status).toBe(200);
    const mails = mailsWith();
    expect(mails).toHaveLength(4);
    const digest = mails[3]!;
    expect(digest).toMatch(/9 new requests/);
    for (let i = 3; i < 12; i++) expect(digest).toContain(`${tag} ${i}`);
    expect(sql(`SELECT notify_state, COUNT(*) FROM wp_leadtrail_requests WHERE name LIKE '${tag}%' GROUP BY notify_state`)).toEqual([['sent', '12']]);
  });
});

describe('callback orders: an exact 60-second window and a share per client (R6)', () => {
  const order = (v: Visitor, from: string) =>
    send(
      leanUrl('callback'),
      from,
      JSON.stringify({ visitor_id: v.visitor_id, session_id: v.session_id, hit_id: v.hit_id, token: v.token, request_id: requestId(), phone: '79101234567' }),
    );
  const statusOf = (reply: Reply) => reply.body?.result?.status;

  beforeAll(() => setOption('leadtrail_callback_captcha', '0'));

  it('one visitor cannot take all 10 slots: others still get through', async () => {
    freshClock();
    const from = address();
    const greedy = await newVisitorFrom(from);
    const mine = [];
    for (let i = 0; i < 10; i++) mine.push(statusOf(await order(greedy, from)));
    expect(mine.filter((s) => s === 0)).toHaveLength(3);
    expect(mine.filter((s) => s === 4)).toHaveLength(7);
    const neighbour = await newVisitorFrom(from);
    expect(statusOf(await order(neighbour, from))).toBe(0);
    const [other] = [address()];
    expect(statusOf(await order(await newVisitorFrom(other), other))).toBe(0);
  });

  it('one address cannot take all 10 slots either', async () => {
    freshClock();
    const from = address();
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push(statusOf(await order(await newVisitorFrom(from), from)));
    expect(statuses.filter((s) => s === 0)).toHaveLength(5);
    const elsewhere = address();
    expect(statusOf(await order(await newVisitorFrom(elsewhere), elsewhere))).toBe(0);
  });

  it('never more than 10 in any 60 seconds, counted below the second', async () => {
    freshClock();
    const callers = await Promise.all(Array.from({ length: 11 }, () => address()).map(async (from) => ({ from, v: await newVisitorFrom(from) })));
    // Ten orders sent in one wall-clock second S, from S + 0.4 s; the eleventh at the server's S + 60
    // and a few milliseconds: under 60 s after the first ones, so inside their minute, though a count
    // of whole seconds sees S and S + 60.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 400));
    const second = Math.floor(Date.now() / 1000);
    const answered: number[] = [];
    const first = await Promise.all(
      callers.slice(0, 10).map(async ({ v, from }) => {
        const reply = await order(v, from);
        answered.push(Date.now());
        return reply;
      }),
    );
    expect(first.map(statusOf)).toEqual(first.map(() => 0));
    expect(Math.min(...answered), 'an order was recorded within the second S').toBeLessThan((second + 1) * 1000);
    // A later wall-clock second N, with the server's clock moved on to make N its S + 60. The offset
    // is stored before N begins: storing it takes a database round trip, long on a loaded machine,
    // and the eleventh must reach the server within the first 400 ms of N.
    let next: number;
    do {
      next = Math.floor(Date.now() / 1000) + 2;
      setClockOffset(clock + 60 - (next - second));
    } while (Date.now() > next * 1000);
    await new Promise((resolve) => setTimeout(resolve, next * 1000 - Date.now() + 20));
    const eleventh = await order(callers[10]!.v, callers[10]!.from);
    expect(statusOf(eleventh)).toBe(4);
  });
});
