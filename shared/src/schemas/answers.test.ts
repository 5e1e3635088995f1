import { describe, expect, it } from 'vitest';
import type { Op } from './calls';
import { Answers } from './calls';
import { checkCallAnswer } from './answers';

const refusal = { success: false, result: { code: 'invalid_name', field: 'name', message: 'name is required.' } };

/** [label, body, accepted for these ops]. */
const samples: [string, unknown, Op[]][] = [
  ['{success: true}', { success: true }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['{success: true, result: null}', { success: true, result: null }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['result true', { success: true, result: true }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get']],
  ['result false', { success: true, result: false }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get']],
  ['result a string', { success: true, result: 'Потенциальный' }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_get']],
  ['result an empty string', { success: true, result: '' }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_get']],
  ['result a number', { success: true, result: 5 }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['result a map', { success: true, result: { 'Тип посетителя': 'Потенциальный', 'Действующий клиент': true } },
    ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'properties']],
  ['result an empty map', { success: true, result: {} }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'properties']],
  ['a map with false', { success: true, result: { a: false } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a map with a number', { success: true, result: { a: 1 } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a map with null', { success: true, result: { a: null } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['result an array', { success: true, result: ['a'] }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a refusal', refusal, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get', 'properties']],
  ['a refusal with only a code', { success: false, result: { code: 'x' } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get', 'properties']],
  ['a refusal without a code', { success: false, result: { field: 'name' } }, []],
  ['a refusal without a result', { success: false }, []],
  ['success "true"', { success: 'true' }, []],
  ['success 1', { success: 1, result: true }, []],
  ['no success', { result: true }, []],
  ['null', null, []],
  ['an array', [{ success: true }], []],
  ['a string', '{"success":true}', []],
];

const OPS: Op[] = ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get', 'properties'];

describe('checkCallAnswer (the hand check) agrees with the zod schemas', () => {
  for (const op of OPS) {
    it.each(samples)(`${op}: %s`, (_label, body, ok) => {
      expect(Answers[op].safeParse(body).success).toBe(ok.includes(op));
      expect(checkCallAnswer(op, body) !== undefined).toBe(ok.includes(op));
    });
  }
});

describe('what the callbacks get', () => {
  it('exactly {success: true} for the writes, whatever else the server added (A14)', () => {
    expect(checkCallAnswer('visitor_info', { success: true, result: null, extra: 1 })).toStrictEqual({ success: true });
    expect(checkCallAnswer('event', { success: true })).toStrictEqual({ success: true });
  });
  it('exactly {success: true, result: null} for a request (A4), whatever the server added', () => {
    expect(checkCallAnswer('request', { success: true, result: null })).toStrictEqual({ success: true, result: null });
    expect(checkCallAnswer('request', { success: true })).toStrictEqual({ success: true, result: null });
    expect(checkCallAnswer('request', { success: true, result: { id: 5 }, extra: 1 })).toStrictEqual({ success: true, result: null });
    // The schema's output is the same object.
    expect(Answers.request.parse({ success: true, result: 7 })).toStrictEqual({ success: true, result: null });
  });
  it('{success: true, result} for the reads', () => {
    expect(checkCallAnswer('property_has', { success: true, result: false, x: 1 })).toStrictEqual({ success: true, result: false });
    expect(checkCallAnswer('property_get', { success: true, result: 'v' })).toStrictEqual({ success: true, result: 'v' });
    expect(checkCallAnswer('properties', { success: true, result: { a: true } })).toStrictEqual({ success: true, result: { a: true } });
  });
  it('the refusal as the server gave it', () => {
    expect(checkCallAnswer('property_get', refusal)).toBe(refusal);
  });
});
