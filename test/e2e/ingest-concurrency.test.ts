// Visitor identity (R1) under concurrency: one visitor's tabs send hits at the same moment. The hit endpoint
// serialises them per visitor (a row lock in the first batch, docs/contracts.md "Hit"), so tabs that
// arrive from a new source agree on ONE new session, and no hit of a continued session is lost.
// Run against both entry points; plain HTTP, as the tabs' runtimes send it.
import { beforeAll, describe, expect, it } from 'vitest';
import { hitEndpoints } from './lib/api';
import { readSiteKey, siteUrl, sql } from './lib/wp';

const TABS = 8;
let siteKey = '';
beforeAll(() => {
  siteKey = readSiteKey();
});

type Result = { visitor_id: number; session_id: number; hit_id: number; token: string; new_session: boolean };

async function hit(url: string, page: string, visitor?: Pick<Result, 'visitor_id' | 'token'>): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ site_key: siteKey, url: `${siteUrl()}${page}`, referrer: '', title: 'Tab', ...visitor }),
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.result;
}

const sessionsOf = (visitorId: number) => sql(`SELECT id, hits, source FROM wp_leadtrail_sessions WHERE visitor_id = ${visitorId} ORDER BY hits`); // ids are random: the first session has 1 hit
const hitsOf = (visitorId: number) =>
  sql(`SELECT session_id, COUNT(*) FROM wp_leadtrail_hits WHERE visitor_id = ${visitorId} GROUP BY session_id ORDER BY COUNT(*)`);

for (const [name, endpoint] of Object.entries(hitEndpoints)) {
  describe(`${name} endpoint`, () => {
    it(`${TABS} tabs arriving from a new source at once open one new session; ${TABS} more continue it, every hit counted`, async () => {
      const first = await hit(endpoint(), '/leadtrail-demo/');
      const visitor = { visitor_id: first.visitor_id, token: first.token };

      const tagged = await Promise.all(
        Array.from({ length: TABS }, (_, i) => hit(endpoint(), `/leadtrail-demo/?utm_source=newsletter&utm_campaign=tabs&tab=${i}`, visitor)),
      );
      const opened = new Set(tagged.map((r) => r.session_id));
      expect(opened.size, 'one new session for all the tabs').toBe(1);
      const [session] = [...opened];
      expect(session).not.toBe(first.session_id);
      expect(tagged.filter((r) => r.new_session)).toHaveLength(1);
      expect(new Set(tagged.map((r) => r.hit_id)).size).toBe(TABS);

      const continued = await Promise.all(
        Array.from({ length: TABS }, (_, i) => hit(endpoint(), `/leadtrail-demo/?utm_source=newsletter&utm_campaign=tabs&again=${i}`, visitor)),
      );
      expect(new Set(continued.map((r) => r.session_id))).toEqual(new Set([session]));
      expect(continued.some((r) => r.new_session)).toBe(false);

      expect(sessionsOf(first.visitor_id)).toEqual([
        [String(first.session_id), '1', '(direct)'],
        [String(session), String(2 * TABS), 'newsletter'],
      ]);
      expect(hitsOf(first.visitor_id)).toEqual([
        [String(first.session_id), '1'],
        [String(session), String(2 * TABS)],
      ]);
    });
  });
}
