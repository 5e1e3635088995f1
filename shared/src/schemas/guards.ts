// A hand-written check of the hit answer, a few hundred bytes instead of zod's few kilobytes.
// It must accept exactly what schemas/hit.ts accepts (guards.test.ts compares them).
import type { HitAnswer } from './hit';
import { COMAGIC_ID, TOKEN } from './formats';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v == 'object' && v != null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v == 'string';
const isOptStr = (v: unknown) => v === undefined || isStr(v);
export const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

function isResult(r: Obj) {
  const { visitor_id: v, session_id: s, token: t, comagic_id: c } = r;
  return isId(v) && isId(s) && isId(r.hit_id) && typeof r.new_session == 'boolean'
    && isStr(t) && TOKEN.test(t) && t.startsWith(v + '.')
    && isStr(c) && COMAGIC_ID.test(c) && c.startsWith(v + '.' + s + '.');
}

/** The answer if `body` is a well-formed success or refusal, else undefined. */
export function checkAnswer(body: unknown): HitAnswer | undefined {
  if (!isObj(body)) return;
  const { success: ok, result: r } = body;
  if (!isObj(r)) return;
  if (ok === true ? isResult(r) : ok === false && isStr(r.code) && isOptStr(r.field) && isOptStr(r.message)) {
    return body as HitAnswer;
  }
}
