// A hand-written check of the hit answer, a few hundred bytes instead of zod's few kilobytes.
// It must accept exactly what schemas/hit.ts accepts (guards.test.ts compares them).
import type { HitAnswer } from './hit';
import { COMAGIC_ID, TOKEN } from './formats';

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v == 'object' && v != null && !Array.isArray(v);
export const isStr = (v: unknown): v is string => typeof v == 'string';
export const isOptStr = (v: unknown) => v === undefined || isStr(v);
export const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

function isResult(r: Obj) {
  const { visitor_id: v, session_id: s, token: t, comagic_id: c } = r;
  return (
    isId(v) &&
    isId(s) &&
    isId(r.hit_id) &&
    typeof r.new_session == 'boolean' &&
    isStr(t) &&
    TOKEN.test(t) &&
    t.startsWith(v + '.') &&
    isStr(c) &&
    COMAGIC_ID.test(c) &&
    c.startsWith(v + '.' + s + '.')
  );
}

/** Whether `body` is a refusal: `{success: false, result: {code, field?, message?}}` (schemas/hit.ts). */
export const isRefusal = (body: Obj): boolean => {
  const r = body.result;
  return body.success === false && isObj(r) && isStr(r.code) && isOptStr(r.field) && isOptStr(r.message);
};

/** The answer if `body` is a well-formed success or refusal, else undefined. */
export function checkAnswer(body: unknown): HitAnswer | undefined {
  if (!isObj(body)) return;
  const r = body.result;
  if (body.success === true ? isObj(r) && isResult(r) : isRefusal(body)) return body as HitAnswer;
}
