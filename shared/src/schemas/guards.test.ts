import { describe, expect, it } from 'vitest';
import { checkAnswer, isId } from './guards';
import { HitAnswer, HitRequest } from './hit';
import { result } from '../testing/fetch';

const ok = result();
const samples: [string, unknown][] = [
  ['success', { success: true, result: ok }],
  ['success with an extra key', { success: true, result: { ...ok, extra: 1 } }],
  ['refusal', { success: false, result: { code: 'invalid_url', field: 'url', message: 'x' } }],
  ['refusal with only a code', { success: false, result: { code: 'invalid_url' } }],
  ['refusal without a code', { success: false, result: { field: 'url' } }],
  ['refusal with a numeric field', { success: false, result: { code: 'x', field: 1 } }],
  ['success: "true"', { success: 'true', result: ok }],
  ['no result', { success: true }],
  ['result null', { success: true, result: null }],
  ['result an array', { success: true, result: [] }],
  ['visitor_id 0', { success: true, result: { ...ok, visitor_id: 0 } }],
  ['visitor_id negative', { success: true, result: { ...ok, visitor_id: -1 } }],
  ['visitor_id a string', { success: true, result: { ...ok, visitor_id: '17258569' } }],
  ['session_id a float', { success: true, result: { ...ok, session_id: 1.5 } }],
  ['hit_id beyond safe integers', { success: true, result: { ...ok, hit_id: 2 ** 53 } }],
  ['no new_session', { success: true, result: { ...ok, new_session: undefined } }],
  ['token of another visitor', { success: true, result: { ...ok, token: '5.abc' } }],
  ['token without a signature', { success: true, result: { ...ok, token: `${ok.visitor_id}.` } }],
  ['token with a ; in it', { success: true, result: { ...ok, token: `${ok.visitor_id}.a;b` } }],
  ['comagic_id of another session', { success: true, result: { ...ok, comagic_id: `${ok.visitor_id}.1.1777012580` } }],
  ['comagic_id malformed', { success: true, result: { ...ok, comagic_id: 'abc' } }],
  ['an array', []],
  ['null', null],
  ['a string', 'ok'],
];

describe('checkAnswer (the hand check) agrees with the zod schema', () => {
  it.each(samples)('%s', (_name, body) => {
    const zod = HitAnswer.safeParse(body).success;
    expect(checkAnswer(body) !== undefined).toBe(zod);
  });

  it('accepts the well-formed ones and returns them', () => {
    expect(checkAnswer(samples[0]![1])).toEqual(samples[0]![1]);
    expect(samples.filter(([, b]) => checkAnswer(b)).map(([n]) => n)).toEqual(['success', 'success with an extra key', 'refusal', 'refusal with only a code']);
  });
});

describe('isId', () => {
  it('takes positive safe integers only', () => {
    expect([1, 546833568748, Number.MAX_SAFE_INTEGER].every(isId)).toBe(true);
    expect([0, -1, 1.5, NaN, Infinity, '1', null, undefined, 2 ** 53].some(isId)).toBe(false);
  });
});

describe('HitRequest schema', () => {
  const base = { site_key: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', url: 'https://a.example/', referrer: '', title: '' };
  it('takes a new and a returning visitor', () => {
    expect(HitRequest.safeParse(base).success).toBe(true);
    expect(HitRequest.safeParse({ ...base, visitor_id: 5, token: '5.abc' }).success).toBe(true);
  });
  it('wants visitor_id and token together, and checks the limits', () => {
    expect(HitRequest.safeParse({ ...base, visitor_id: 5 }).success).toBe(false);
    expect(HitRequest.safeParse({ ...base, token: '5.abc' }).success).toBe(false);
    expect(HitRequest.safeParse({ ...base, site_key: 'short' }).success).toBe(false);
    expect(HitRequest.safeParse({ ...base, url: 'ftp://a.example/' }).success).toBe(false);
    expect(HitRequest.safeParse({ ...base, title: 'x'.repeat(513) }).success).toBe(false);
    expect(HitRequest.safeParse({ ...base, referrer: 'x'.repeat(2049) }).success).toBe(false);
  });
});
