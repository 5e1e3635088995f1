// The sitephone form's phone mask (A9; docs/contracts.md, "Callback orders"): each `_` is a digit the
// visitor types, every other character is shown as it is. The input always shows the formatted
// value, which is what is sent: typing, pasting, autofill and deleting all go through `applyMask`.

/** The value after an edit and where its caret goes. */
export interface Masked {
  value: string;
  caret: number;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
/** How many slots (`_`) `s` (a part of the mask) has. */
const slotsIn = (s: string) => s.split('_').length - 1;
/** The mask's characters before its first slot ("+7 (" of "+7 (___) ___-__-__"). */
const headOf = (mask: string) => mask.slice(0, Math.max(0, mask.indexOf('_')));

/** Whether `mask` has slots at all (a mask without any is no mask: the field takes what is typed). */
export const isMask = (mask: string | undefined): mask is string => !!mask && mask.includes('_');

/** `digits` laid into the mask's slots; the mask's other characters up to the last filled slot. */
export function format(mask: string, digits: string): string {
  let out = '';
  let i = 0;
  for (const c of mask) {
    if (i >= digits.length) break;
    out += c == '_' ? digits[i++] : c;
  }
  return out;
}

/**
 * The visitor's digits in `raw` (the field's text after an edit) and how many of them are before
 * `caret`. Text that starts with the mask's head is one of ours: the head's digits are not the
 * visitor's, and digits past the last slot are dropped (typing into a full field changes nothing at
 * its end). Other text (a paste or autofill replacing the value) may repeat the head: with more
 * digits than slots, the head's digits ("+7 910 123-45-67") or else the first extra ones (the trunk
 * "8" of "8 910 123 45 67") are taken off.
 */
export function userDigits(mask: string, raw: string, caret: number): [digits: string, before: number] {
  const head = headOf(mask);
  const slots = slotsIn(mask);
  let d: string;
  let before: number;
  if (raw.startsWith(head)) {
    d = digitsOf(raw.slice(head.length));
    before = digitsOf(raw.slice(head.length, Math.max(caret, head.length))).length;
  } else {
    d = digitsOf(raw);
    before = digitsOf(raw.slice(0, caret)).length;
    if (d.length > slots) {
      const own = digitsOf(head);
      const cut = own && d.startsWith(own) ? own.length : d.length - slots;
      d = d.slice(cut);
      before = Math.max(0, before - cut);
    }
  }
  return [d.slice(0, slots), Math.min(before, slots)];
}

/** Where the caret goes in `value` (formatted) after `k` of the visitor's digits. */
function caretAt(mask: string, value: string, k: number): number {
  if (!k) return value ? headOf(mask).length : 0;
  let i = 0;
  while (k) if (mask[i++] == '_') k--;
  return i;
}

/**
 * The field after an edit: `prev` was its (formatted) value, `raw` is what the browser made of it,
 * `caret` the caret in `raw`, `inputType` the edit's kind (InputEvent). Deleting one of the mask's
 * own characters (Backspace over ") ") deletes the digit before it instead (Delete: the one after).
 */
export function applyMask(mask: string, prev: string, raw: string, caret: number, inputType = ''): Masked {
  let [d, k] = userDigits(mask, raw, caret);
  const had = userDigits(mask, prev, prev.length)[0];
  const head = headOf(mask);
  const del = inputType.startsWith('delete');
  // The first key in an empty field that is the head's own digit (the 7 of "+7 (") is taken as the
  // head, as people type their number with its country code; the next 7 goes into the first slot.
  if (!had && !del && digitsOf(head) && digitsOf(raw) == digitsOf(head) && !raw.startsWith(head)) return { value: head, caret: head.length };
  if (del && d.length >= had.length) {
    const i = slotsIn(mask.slice(0, caret)) - (/Backward/.test(inputType) ? 1 : 0);
    d = i < 0 ? had : had.slice(0, i) + had.slice(i + 1);
    k = Math.max(i, 0);
  }
  const value = format(mask, d);
  return { value, caret: caretAt(mask, value, Math.min(k, d.length)) };
}
