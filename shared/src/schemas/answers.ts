// A hand-written check of the visitor calls' answers. It must accept exactly what the schemas in
// calls.ts accept (answers.test.ts compares them).
import type { Answer, CallbackAnswer, Op } from './calls';
import type { Refused } from './args';
import type { Reply } from '../transport/http';
import { SITE_KEY } from './formats';
import { isObj, isOptStr, isRefusal, isStr } from './guards';
import { isRead } from './ops';

const isBool = (v: unknown) => typeof v == 'boolean';

/** Whether `r` fits the success `result` of `op`. */
function fitsResult(op: Op, r: unknown): boolean {
  if (op == 'property_has') return isBool(r);
  if (op == 'property_get') return isStr(r) || isBool(r);
  if (op == 'properties') return isObj(r) && Object.values(r).every((v) => isStr(v) || v === true);
  return true;
}

/** A10's answer, fresh: `{success, result: {status, code}}` and the `field` when there is one. */
const called = (status: number, code: string, field: unknown): Answer<'callback'> => ({
  success: !status,
  result: isStr(field) ? { status, code, field } : { status, code },
});

/**
 * The answer of `op` (any but a callback order) if `body` is one (a success of its shape, or a
 * refusal), else undefined. A success comes back as a fresh object of exactly the documented keys:
 * `{success: true}` for the writes (A14), `{success: true, result: null}` for a request (A4),
 * `{success: true, result}` for the reads.
 */
export function checkCallAnswer<O extends Op>(op: O, body: unknown): Answer<O> | undefined {
  if (!isObj(body)) return;
  const r = body.result;
  if (isRefusal(body)) return body as Answer<O>;
  if (body.success === true && fitsResult(op, r)) {
    return (isRead(op) ? { success: true, result: r } : op == 'request' ? { success: true, result: null } : { success: true }) as Answer<O>;
  }
}

/**
 * A callback order's answer (A10) if `body` is one, else undefined: `{success, result: {status,
 * code}}` and the `field` when there is one, fresh; a refusal without a status as the server gave it.
 * In the lazily loaded checks (leadtrail-checks.js): only the callback orders need it.
 */
export function checkCallbackAnswer(body: unknown): Answer<'callback'> | undefined {
  if (!isObj(body)) return;
  const r = body.result;
  // A callback's success has its status; a refusal may have none.
  const { status: s, code, field, message } = (isObj(r) ? r : {}) as Record<string, unknown>;
  return (
    Number.isInteger(s) && (s as number) >= 0 && (s as number) <= 4 && body.success === !s && isStr(code) && isOptStr(field) && isOptStr(message)
      ? called(s as number, code, field)
      : isRefusal(body)
        ? body
        : undefined
  ) as Answer<'callback'> | undefined;
}

/**
 * Any answer to a callback order in A10's shape: a refusal that has no status (the browser's check, a
 * full outbox, a refused identity) is status 3 with its code and field.
 */
export function withStatus(a: Answer): Answer<'callback'> {
  const { code, field, status } = (a as Answer<'callback'>).result as CallbackAnswer['result'];
  return status != null ? (a as Answer<'callback'>) : called(3, code, field);
}

/** A8: a captcha's key (32 characters, read as a site key) and its picture's address. */
export type CaptchaAnswer = { key: string; url: string; error?: undefined } | { key: null; url: null; error: { code: string; field: string } };

/**
 * What `get_captcha` answers for `reply` (contracts.md, "Callback orders"): exactly `{key, url}` from a
 * 2xx answer of that shape; else `{key: null, url: null, error}` with a refusal's code and field, or
 * `http_error` (an answer that is neither) or `network_error` (none: offline, timed out), field "".
 */
export function checkCaptcha(reply: Reply | undefined): CaptchaAnswer {
  const b = reply?.body;
  if (isObj(b)) {
    const { key, url, result: r } = b;
    if (reply!.status < 300 && isStr(key) && SITE_KEY.test(key) && isStr(url) && url) return { key, url };
    if (isRefusal(b)) return { key: null, url: null, error: { code: (r as Refused).code, field: (r as Refused).field || '' } };
  }
  return { key: null, url: null, error: { code: reply ? 'http_error' : 'network_error', field: '' } };
}
