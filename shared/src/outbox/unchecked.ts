// The checks of the calls that wait unchecked in the outbox (contracts.md, "In the runtime"). In the
// lazily loaded checks (leadtrail-checks.js): a call waits unchecked only until that file is there.
import type { Answer } from '../schemas/calls';
import type { Refused } from '../schemas/args';
import type { Checks } from './outbox';
import type { Entry } from './store';

/** Changes the stored outbox (outbox.ts). */
export type Save = (change: (list: Entry[]) => Entry[]) => void;

/**
 * Checks each unchecked entry of `queue` with `checks`, in order, as if at call time: it becomes its
 * fields, stored again with `save`, or is refused, which `end` takes out of the line and answers.
 */
export function checkQueued(checks: Checks, queue: Entry[], save: Save, end: (e: Entry, answer: Answer) => void): void {
  for (const e of queue.slice()) {
    if (e.u) {
      try {
        e.f = checks[e.op]!(e.f);
        delete e.u;
        save((list) => list.map((x) => (x.id == e.id ? e : x)));
      } catch (refused) {
        end(e, { success: false, result: refused as Refused });
      }
    }
  }
}
