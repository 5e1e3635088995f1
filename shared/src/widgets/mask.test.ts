// The phone mask (A9): digits fill the `_` slots as they are typed, Backspace and Delete work (also
// over the mask's own characters), pastes and autofill land in the slots.
import { describe, expect, it } from 'vitest';
import { applyMask, format, isMask, userDigits } from './mask';

const RU = '+7 (___) ___-__-__';
const SEED = '1 () __-__';

/** Types `keys` one by one at the end, as a browser would (each key appended, caret at the end). */
function typeAll(mask: string, keys: string, from = ''): string {
  let v = from;
  for (const k of keys) v = applyMask(mask, v, v + k, v.length + 1, 'insertText').value;
  return v;
}
/** Backspace with the caret at `caret` of `v`. */
function backspace(mask: string, v: string, caret = v.length) {
  return applyMask(mask, v, v.slice(0, caret - 1) + v.slice(caret), caret - 1, 'deleteContentBackward');
}

describe('format', () => {
  it('lays digits into the slots, literals up to the last filled one', () => {
    expect(format(RU, '')).toBe('');
    expect(format(RU, '9')).toBe('+7 (9');
    expect(format(RU, '910')).toBe('+7 (910');
    expect(format(RU, '9101')).toBe('+7 (910) 1');
    expect(format(RU, '9101234567')).toBe('+7 (910) 123-45-67');
    expect(format(SEED, '1234')).toBe('1 () 12-34');
  });
  it('isMask: only a mask with slots', () => {
    expect([RU, SEED, '___'].every(isMask)).toBe(true);
    expect(['', undefined, '+7 (999)'].some(isMask)).toBe(false);
  });
});

describe('typing', () => {
  it('each digit fills the next slot; other keys are dropped; a full field takes no more', () => {
    expect(typeAll(RU, '9')).toBe('+7 (9');
    expect(typeAll(RU, '9101234567')).toBe('+7 (910) 123-45-67');
    expect(typeAll(RU, '9a1-0 ')).toBe('+7 (910');
    expect(typeAll(RU, '99', '+7 (910) 123-45-67')).toBe('+7 (910) 123-45-67');
  });
  it("a first 7 is the mask's +7 (people type the country code); the next one is the number's", () => {
    expect(typeAll(RU, '7')).toBe('+7 (');
    expect(typeAll(RU, '79101234567')).toBe('+7 (910) 123-45-67');
    expect(typeAll(RU, '77')).toBe('+7 (7');
    expect(typeAll(RU, '9')).toBe('+7 (9');
    // Backspace on the head alone empties the field.
    expect(backspace(RU, '+7 (').value).toBe('');
    expect(typeAll(SEED, '11234')).toBe('1 () 12-34');
  });
  it("the seed's custom mask (its head's 1 typed first is the head)", () => {
    expect(typeAll(SEED, '234')).toBe('1 () 23-4');
    expect(typeAll(SEED, '1234')).toBe('1 () 23-4');
    expect(typeAll(SEED, '123456')).toBe('1 () 23-45');
  });
  it('the caret stays after the digit typed in the middle', () => {
    // "+7 (910) 23" with a 1 typed after ") "
    const m = applyMask(RU, '+7 (910) 23', '+7 (910) 123', 10, 'insertText');
    expect(m).toEqual({ value: '+7 (910) 123', caret: 10 });
  });
});

describe('deleting', () => {
  it('Backspace at the end takes the last digit (and the literals before it)', () => {
    expect(backspace(RU, '+7 (910) 1').value).toBe('+7 (910');
    expect(backspace(RU, '+7 (9').value).toBe('');
  });
  it("Backspace over the mask's own characters takes the digit before them", () => {
    // Caret after ") " in "+7 (910) 123": the space goes, so the 0 does.
    const m = backspace(RU, '+7 (910) 123', 9);
    expect(m).toEqual({ value: '+7 (911) 23', caret: 6 });
    // Over the head: nothing to take.
    expect(backspace(RU, '+7 (9', 4).value).toBe('+7 (9');
  });
  it("Delete over the mask's own characters takes the digit after them", () => {
    const v = '+7 (910) 123';
    const m = applyMask(RU, v, v.slice(0, 7) + v.slice(8), 7, 'deleteContentForward');
    expect(m).toEqual({ value: '+7 (910) 23', caret: 7 });
  });
  it('deleting a selection of digits keeps the rest in their slots', () => {
    expect(applyMask(RU, '+7 (910) 123', '+7 () 123', 4, 'deleteContentBackward')).toEqual({ value: '+7 (123', caret: 4 });
  });
});

describe('pasting and autofill', () => {
  it.each([
    ['+7 910 123-45-67', '+7 (910) 123-45-67'],
    ['79101234567', '+7 (910) 123-45-67'],
    ['89101234567', '+7 (910) 123-45-67'],
    ['8 (910) 123 45 67', '+7 (910) 123-45-67'],
    ['9101234567', '+7 (910) 123-45-67'],
    ['910-12', '+7 (910) 12'],
    ['call me: 910 123 45 67!', '+7 (910) 123-45-67'],
  ])('%s into an empty field → %s', (paste, shown) => {
    expect(applyMask(RU, '', paste, paste.length, 'insertFromPaste').value).toBe(shown);
  });
  it('a paste in the middle of our value stays in its place, extra digits at the end fall off', () => {
    const m = applyMask(RU, '+7 (910', '+7 (91555550', 11, 'insertFromPaste');
    expect(m.value).toBe('+7 (915) 555-50');
    expect(m.caret).toBe(14);
  });
  it("the seed's mask takes a pasted number in its slots", () => {
    expect(applyMask(SEED, '', '1234', 4, 'insertFromPaste').value).toBe('1 () 12-34');
    expect(applyMask(SEED, '', '1 () 12-34', 10, 'insertFromPaste').value).toBe('1 () 12-34');
  });
  it('userDigits counts the digits before the caret', () => {
    expect(userDigits(RU, '+7 (910) 123', 9)).toEqual(['910123', 3]);
    expect(userDigits(RU, '79101234567', 11)).toEqual(['9101234567', 10]);
  });
});
