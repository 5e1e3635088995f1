// A hand-written check of the visitor calls' answers. It must accept exactly what the schemas in
// calls.ts accept (answers.test.ts compares them).
import type { Answer, Op } from './calls';
import { isObj, isRefusal, isStr } from './guards';
import { isRead } from './ops';

const isBool = (v: unknown) => typeof v == 'boolean';

/** Whether `r` fits the success `result` of `op`. */
function fitsResult(op: Op, r: unknown): boolean {
  if (op == 'property_has') return isBool(r);
  if (op == 'property_get') return isStr(r) || isBool(r);
  if (op == 'properties') return isObj(r) && Object.values(r).every((v) => isStr(v) || v === true);
  return true;
}

/**
 * The answer of `op` if `body` is one (a success of its shape, or a refusal), else undefined.
 * A success comes back as a fresh object of exactly the documented keys: `{success: true}` for
 * the writes (A14), `{success: true, result: null}` for a request (A4), `{success: true, result}`
 * for the reads.
 */
export function checkCallAnswer<O extends Op>(op: O, body: unknown): Answer<O> | undefined {
  if (!isObj(body)) return;
  if (isRefusal(body)) return body as Answer<O>;
  const r = body.result;
  if (body.success === true && fitsResult(op, r)) {
    return (isRead(op) ? { success: true, result: r } : op == 'request' ? { success: true, result: null } : { success: true }) as Answer<O>;
  }
}
