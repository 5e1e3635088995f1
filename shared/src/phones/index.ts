// Number replacement (built to leadtrail-phones.js; docs/contracts.md, "Phone numbers"): loaded by
// the core only when the hit answer carries `phones`, it registers `window.__leadtrailPhones`, which
// the core calls with that answer: it replaces the numbers and puts its methods on `Comagic` and its
// `setDynamicalReplacement` in the queue's commands, in place of the core's stubs.
import type { Commands } from '../api/queue';
import type { PhonesAnswer } from '../schemas/phones';
import { createPhones } from './replace';

const DIGITS = /^[1-9]\d{7,14}$/;
const VEIL = 'leadtrail-phones-hide';

/** The answer's `phones`, checked by hand (no zod in the page): undefined when malformed. */
export function checkPhones(v: unknown): PhonesAnswer | undefined {
  const p = v as PhonesAnswer;
  if (
    p &&
    Array.isArray(p.site) &&
    p.site.every((s) => typeof s == 'string' && DIGITS.test(s)) &&
    (p.number === null || (typeof p.number == 'string' && DIGITS.test(p.number))) &&
    typeof p.dynamic == 'boolean'
  )
    return p;
}

/**
 * Starts the replacement for `answer` (the hit answer's `phones`), with the content watched if the
 * page said `setDynamicalReplacement` (`dynamic`) before it loaded.
 */
export function startPhones(answer: unknown, dynamic: unknown, comagic: object, commands: Commands): void {
  try {
    const phones = checkPhones(answer);
    if (!phones) return console.error('[leadtrail] malformed phones in the hit answer.');
    const { dynamic: watch, ...methods } = createPhones(phones, dynamic != null && dynamic !== false);
    Object.assign(comagic, methods);
    commands.setDynamicalReplacement = (on: unknown) => watch(on !== false);
  } finally {
    // The embed's style that hid the known number elements until now (NumberVeil): they show
    // the visit's number, or the page's own when there is none to show or the page said no.
    document.getElementById(VEIL)?.remove();
  }
}

export type Phones = typeof startPhones;

(window as { __leadtrailPhones?: Phones }).__leadtrailPhones = startPhones;
