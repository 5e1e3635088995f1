// The visitor methods (A1, A4, A10, A14, A16-A19; R4, R5, R8; docs/contracts.md, "Visitor calls", "Lead
// requests"): checked in the browser, then queued in the outbox, which sends them after the first
// hit answer, in order.
import type { Answer, Fields, Op } from '../schemas/calls';
import type { Refused } from '../schemas/args';
import type { Runtime } from '../core/runtime';
import type { Checks } from '../outbox/outbox';
import { withStatus } from '../schemas/answers';
import { requestId } from '../util/random';
import { TIMEOUT } from '../transport/call';
import { error, refusalText, warn } from '../util/log';

/**
 * Hands `answer` to the page's `callback` (if it is one); a callback that throws is only reported (R4).
 * Older sites read an answer as an XHR (P6): it gets that reading as properties `console.log` does not
 * show, so its documented shape prints as it is.
 */
export function reply(method: string, callback: unknown, answer: object): void {
  const response = JSON.stringify(answer);
  Object.defineProperties(answer, {
    response: { value: response },
    responseText: { value: response },
    status: { value: 200 },
    statusText: { value: 'OK' },
    readyState: { value: 4 },
  });
  if (typeof callback == 'function') {
    try {
      callback(answer);
    } catch (e) {
      error(method + ' callback failed:', e);
    }
  }
}

/**
 * The page's argument as the checks would read it: its own keys' values now (NaN for a getter that
 * throws; a request keeps the keys it has no field for), none if it is not an object (a function in
 * its place too) or its keys cannot be listed.
 */
function snapshot(from: unknown): Fields {
  const f: Fields = {};
  try {
    if (typeof from == 'object' && from) {
      for (const k of Object.keys(from)) {
        try {
          f[k] = (from as Fields)[k]!;
        } catch {
          f[k] = NaN;
        }
      }
    }
  } catch {
    // A proxy that refuses to list its keys: nothing given.
  }
  return f;
}

/**
 * The callback of our own forms (the widgets): they say "saved, will be sent" while a call waits and
 * show its final answer when it comes, so they get no `queued`.
 */
export const patient = () => {};

/** What a call answers when it has waited its time (TIMEOUT) in the outbox: it is still sent, once, later. */
const queued = (): Answer => ({ success: false, result: { code: 'queued', field: '' } });

/** `notice` shows a callback order's answer when the page gave no callback (A10). */
export function visitorMethods(rt: Runtime, notice: (answer: Answer<'callback'>) => void) {
  /**
   * Runs `method`: its fields are checked at once (a refusal settles without a request), then the
   * call waits its turn. The callback, if any, and the Promise get the same answer object, once: the
   * final answer, or `queued` if there is none within TIMEOUT (the call stays in the outbox). The
   * Promise never rejects and a callback that throws is only reported (R4, R8). A callback order's
   * answer always has a status (A10); without a callback it goes to `notice`.
   */
  function call<O extends Op>(method: string, op: O, fields: (() => Fields) | 0, callback?: unknown, raw?: unknown): Promise<Answer<O>> {
    return new Promise((resolve) => {
      let done: unknown, timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (answer: Answer) => {
        if (done) return;
        done = 1;
        clearTimeout(timer);
        if (op == 'callback') {
          answer = withStatus(answer);
          if (typeof callback != 'function') notice(answer as Answer<'callback'>);
        }
        if (!answer.success) warn(method + ' refused: ' + refusalText(answer.result));
        reply(method, callback, answer);
        resolve(answer as Answer<O>);
      };
      // Without `fields`, the checks come lazily: at once if loaded, else the call waits unchecked.
      const checks = (window as { __leadtrailChecks?: Checks }).__leadtrailChecks;
      let f: Fields;
      try {
        f = fields ? fields() : checks ? checks[op]!(raw) : snapshot(raw);
      } catch (refused) {
        // As the server's refusal would come: later, never from inside the call.
        return queueMicrotask(() => settle({ success: false, result: refused as Refused }));
      }
      if (callback != patient) timer = setTimeout(() => settle(queued()), TIMEOUT);
      rt.outbox.add({ id: requestId(), op, f, who: rt.who(), u: fields || checks ? undefined : 1 }, settle);
    });
  }

  return {
    /** A1: `category`, `action` required; `name`, `value` optional (a number is sent as its text). */
    trackEvent: (category?: unknown, action?: unknown, name?: unknown, value?: unknown) => call('trackEvent', 'event', 0, 0, { category, action, name, value }),
    /**
     * A4 + F2: `{name, email, phone, message, is_sale, sale_cost, group_id, form_name, user_fields}`;
     * `callback({success: true, result: null})` or a refusal `{success: false, result: {code, field}}`.
     */
    addOfflineRequest: (req?: unknown, callback?: unknown) => call('addOfflineRequest', 'request', 0, callback, req),
    /** A14: `{name, phone, email}`, at least one; `callback({success})`. */
    addVisitorInfo: (info?: unknown, callback?: unknown) => call('addVisitorInfo', 'visitor_info', 0, callback, info),
    /** A16: with or without a value. */
    setProperty: (name?: unknown, value?: unknown) => call('setProperty', 'property_set', 0, 0, { name, value }),
    /** A17: `callback({success, result: Boolean})`. */
    hasProperty: (name?: unknown, callback?: unknown) => call('hasProperty', 'property_has', 0, callback, { name }),
    /** A18: `callback({success, result})`: the value, `true` if set without one, `false` if not set. */
    getProperty: (name?: unknown, callback?: unknown) => call('getProperty', 'property_get', 0, callback, { name }),
    /**
     * A10 (`ComagicWidget.sitePhoneCall`): `{captcha_key, captcha_value, phone, delayed_call_time,
     * group_id}`; `callback({success, result: {status, code}})`; without one, a pop-up notice.
     */
    sitePhoneCall: (args?: unknown, callback?: unknown) => call('sitePhoneCall', 'callback', 0, callback, args),
    /** A19. */
    deleteProperty: (name?: unknown) => call('deleteProperty', 'property_delete', 0, 0, { name }),
    /** For the inspector: the visitor's properties, name -> value (`true` when set without one). */
    properties: () =>
      call('properties', 'properties', () => ({})).then((a) => {
        if (a.success) return a.result;
        throw Error('properties refused: ' + a.result.code);
      }),
  };
}
