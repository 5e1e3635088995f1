import { describe, expect, it } from 'vitest';
import type { PhoneMethods } from '../messages/page-snapshot';
import { explainTargets } from './phone-targets';

// Why each number on the page shows what it shows: LeadTrail's answer says it, the vendor's
// runtime only tells static from dynamic.

const ok = (value: unknown) => ({ ok: true as const, value: value as never });
const SITE = '74951825168';
const targets = [
  { id: 'number=' + SITE, img: '', text: '+7 (495) 182-51-68', raw: SITE },
  { id: '.comagic_phone', img: '', text: '8 495 182 51 68', raw: SITE },
];

function methods(replaced: Record<string, string>, dynamic: Record<string, string[]> = {}, stat: Record<string, string> = replaced): PhoneMethods {
  return { getPhones: ok(targets), getDTPhones: ok(null), replaced: ok(replaced), replacedStatic: ok(stat), replacedDynamic: ok(dynamic) };
}

describe('explainTargets', () => {
  it("gives LeadTrail's reason: a static rule, a pool number, a pool's fallback", () => {
    const replaced = { ['number=' + SITE]: '74990000001', '.comagic_phone': '74990000001' };
    const answer = (kind: string, label: string, dynamic = false) => ({ site: [SITE], number: '74990000001', dynamic, kind, label });
    expect(explainTargets(methods(replaced), answer('static', 'utm_source = google'))).toEqual([
      { id: 'number=' + SITE, text: '+7 (495) 182-51-68', replacedWith: '74990000001', why: 'static number of the rule “utm_source = google”' },
      { id: '.comagic_phone', text: '8 495 182 51 68', replacedWith: '74990000001', why: 'static number of the rule “utm_source = google”' },
    ]);
    expect(explainTargets(methods(replaced), answer('pool', 'Pool: Paid', true))?.[0]?.why).toBe('pool number “Pool: Paid”, held by this visit');
    expect(explainTargets(methods(replaced), answer('fallback', 'Pool fallback: Paid'))?.[0]?.why).toBe(
      'pool fallback “Pool fallback: Paid”: every number of the pool was held by other visits',
    );
  });

  it('says when a visit has no number, and when a target was left alone', () => {
    const none = explainTargets(methods({}), { site: [SITE], number: null, dynamic: false });
    expect(none?.[0]).toMatchObject({ replacedWith: null, why: expect.stringContaining('no number for this visit') });
    expect(explainTargets(methods({}), null)?.[0]?.why).toBe('not replaced (cancelled by __cs_onReplacePhones, or not yet)');
  });

  it("tells the vendor's static and dynamic replacements apart by getReplacedPhones(type)", () => {
    const replaced = { ['number=' + SITE]: '74990000012', '.comagic_phone': '74990000001' };
    const rows = explainTargets(methods(replaced, { '74990000012': ['number=' + SITE] }, { '.comagic_phone': '74990000001' }), null);
    expect(rows?.map((row) => row.why)).toEqual(['dynamic number (getReplacedPhones("dynamic"))', 'static number (getReplacedPhones("static"))']);
  });

  it('gives up on a getPhones() that is not a list of targets', () => {
    expect(explainTargets({ ...methods({}), getPhones: ok('nope') }, null)).toBeUndefined();
    expect(explainTargets({ ...methods({}), getPhones: { ok: false, error: 'x' } }, null)).toBeUndefined();
  });
});
