// Public ids are unguessable (docs/contracts.md, "Ids"): the token-less entry points (vc/s/,
// api/add_offline_message/) take a visitor's ids as proof of who writes, so knowing one's own ids
// must not lead to anyone else's. Real visitors in Chromium, then an attacker's guesses near them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, type Credentials } from './lib/visitor';
import { count, sql } from './lib/wp';

const MIN = 2 ** 32;
let browser: Browser;
let attacker: Credentials;
let victims: Credentials[];

beforeAll(async () => {
  browser = await launchBrowser();
  // The attacker comes first and the victims right after, as neighbours would be in a sequence.
  const visitors = [];
  for (let i = 0; i < 3; i++) visitors.push(await newVisitor(browser));
  [attacker, ...victims] = visitors.map((v) => v.credentials) as [Credentials, ...Credentials[]];
  await Promise.all(visitors.map((v) => v.context.close()));
});
afterAll(async () => {
  await browser?.close();
});

describe('id enumeration finds nothing', () => {
  it('ids are positive integers a JavaScript number holds exactly, far from each other', () => {
    const all = [attacker, ...victims].flatMap((c) => [c.visitor_id, c.session_id, c.hit_id]);
    for (const id of all) {
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeGreaterThanOrEqual(MIN);
    }
    expect(new Set(all).size).toBe(all.length);
    const sorted = [...all].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((id, i) => id - sorted[i]!);
    expect(Math.min(...gaps), 'no two ids are neighbours').toBeGreaterThan(1_000_000);
  });

  it("a visitor's session and hit ids are not derived from its visitor id", () => {
    const offsets = [attacker, ...victims].map((c) => [c.session_id - c.visitor_id, c.hit_id - c.session_id]);
    expect(new Set(offsets.map(([s]) => s)).size).toBe(offsets.length);
    expect(new Set(offsets.map(([, h]) => h)).size).toBe(offsets.length);
  });

  it('no visitor, session or hit lies within a million ids of a known one', () => {
    const near = (table: string, id: number) => count(table, `id BETWEEN ${id - 1_000_000} AND ${id + 1_000_000}`);
    expect(near('visitors', attacker.visitor_id)).toBe(1);
    expect(near('sessions', attacker.session_id)).toBe(1);
    expect(near('hits', attacker.hit_id)).toBe(1);
  });

  it('guessing ids next to the attacker’s own reaches no victim through vc/s/', async () => {
    const base = `${attacker.consultant_server_url}vc/s/`;
    const seconds = Math.floor(Date.now() / 1000);
    const answers: number[] = [];
    for (let dv = -3; dv <= 3; dv++) {
      for (let ds = -3; ds <= 3; ds++) {
        if (dv === 0 && ds === 0) continue;
        const ci = `${attacker.visitor_id + dv}.${attacker.session_id + ds}.${seconds}`;
        const response = await fetch(`${base}?${new URLSearchParams({ sk: attacker.site_key, ci, ve: 'attacker@example.com' })}`);
        answers.push(response.status);
      }
    }
    // vc/s/ answers alike whatever the ids (no oracle): what matters is that nothing was written.
    expect(new Set(answers), 'every guess answered alike').toEqual(new Set([200]));
    const victimIds = victims.map((v) => v.visitor_id).join(',');
    expect(count('contacts', `visitor_id IN (${victimIds})`)).toBe(0);
    expect(sql("SELECT COUNT(*) FROM wp_leadtrail_contacts WHERE value = 'attacker@example.com'")).toEqual([['0']]);
  });
});
