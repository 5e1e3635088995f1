// collect.php's two ways to the database (wp-plugin/src/Ingest/LeanBoot.php): the lean boot, which
// reads a plain wp-config.php without running it, and SHORTINIT, which it falls back to when the
// settings are not plain literals. Both must answer the same, on the real harness site.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hitEndpoints, operations, requestId } from './lib/api';
import { readSiteKey, setClockOffset, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const collect = hitEndpoints.collect;
const configFile = () => path.join(e2eSite().dir, 'wp-config.php');

let siteKey = '';
let original = '';
beforeAll(() => {
  siteKey = readSiteKey();
  original = fs.readFileSync(configFile(), 'utf8');
});
afterEach(() => {
  // Every test leaves the site's configuration and clock as the harness made them.
  fs.writeFileSync(configFile(), original);
  setClockOffset(0);
});

/** Rewrites one define of the test site's wp-config.php. */
function rewriteDefine(name: string, value: string): void {
  const pattern = new RegExp(`define\\('${name}', '[^']*'\\);`);
  expect(original).toMatch(pattern);
  fs.writeFileSync(configFile(), original.replace(pattern, `define('${name}', ${value});`));
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return {
    status: response.status,
    boot: response.headers.get('x-leadtrail-boot'),
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

async function hitAndEvent(expectedBoot: string) {
  const title = `Boot ${expectedBoot} ${requestId().slice(0, 8)} — Заголовок 😀`;
  const hit = await post(collect(), { site_key: siteKey, url: `${siteUrl()}/leadtrail-demo/?utm_source=boot`, referrer: '', title });
  expect(hit.status).toBe(200);
  expect(hit.boot).toBe(expectedBoot);
  const { visitor_id, session_id, hit_id, token } = hit.body.result;
  // Compared as bytes: the mariadb client of the harness prints a 4-byte character as "?".
  expect(sql(`SELECT visitor_id, session_id, HEX(title) FROM wp_leadtrail_hits WHERE id = ${Number(hit_id)}`)).toEqual([
    [String(visitor_id), String(session_id), Buffer.from(title).toString('hex').toUpperCase()],
  ]);

  // A returning visitor two minutes later continues its session; a visitor call goes the same way.
  setClockOffset(120);
  const again = await post(collect(), { site_key: siteKey, url: `${siteUrl()}/leadtrail-demo/?utm_source=boot`, referrer: '', title, visitor_id, token });
  expect([again.status, again.boot, again.body.result.session_id]).toEqual([200, expectedBoot, session_id]);
  // The continued session counts the hit; the visitor and the session were last seen at its time.
  expect(
    sql(
      `SELECT s.hits, s.last_hit_at = h.created_at AND s.started_at < h.created_at, v.last_seen_at = h.created_at FROM wp_leadtrail_sessions s
      JOIN wp_leadtrail_visitors v ON v.id = s.visitor_id JOIN wp_leadtrail_hits h ON h.id = ${Number(again.body.result.hit_id)}
      WHERE s.id = ${Number(session_id)}`,
    ),
  ).toEqual([['2', '1', '1']]);
  const event = await post(`${collect()}?op=${operations.event.lean}`, {
    visitor_id,
    session_id,
    hit_id,
    token,
    request_id: requestId(),
    category: 'Boot',
    action: expectedBoot,
  });
  expect([event.status, event.boot, event.body]).toEqual([200, expectedBoot, { success: true }]);
  expect(sql(`SELECT action FROM wp_leadtrail_events WHERE visitor_id = ${Number(visitor_id)}`)).toEqual([[expectedBoot]]);
}

describe('collect.php boot', () => {
  it('reads the harness wp-config.php without WordPress (lean)', async () => {
    await hitAndEvent('lean');
  });

  const notPlain: Array<[string, string]> = [
    ['from getenv() with a default', `getenv('LEADTRAIL_NO_SUCH_VARIABLE') ?: '${e2eSite().database}'`],
    ['a concatenation', `'leadtrail_' . '${e2eSite().database.replace(/^leadtrail_/, '')}'`],
  ];
  for (const [label, value] of notPlain) {
    it(`falls back to SHORTINIT when DB_NAME is ${label}`, async () => {
      rewriteDefine('DB_NAME', value);
      await hitAndEvent('shortinit');
    });
  }

  it('answers the JSON 503 when the lean boot cannot connect, and writes nothing', async () => {
    rewriteDefine('DB_PASSWORD', "'not-the-password'");
    const before = sql('SELECT COUNT(*) FROM wp_leadtrail_hits');
    const answer = await post(collect(), { site_key: siteKey, url: `${siteUrl()}/leadtrail-demo/`, referrer: '', title: 'Down' });
    expect([answer.status, answer.boot, answer.retryAfter]).toEqual([503, 'lean', '60']);
    expect(answer.body).toMatchObject({ success: false, result: { code: 'storage_unavailable', field: '' } });
    expect(sql('SELECT COUNT(*) FROM wp_leadtrail_hits')).toEqual(before);
  });

  it('refuses a malformed hit before it boots at all', async () => {
    const answer = await post(collect(), { site_key: siteKey });
    expect([answer.status, answer.boot, answer.body.result.code]).toEqual([400, null, 'missing_url']);
  });
});
