// The lazily loaded argument checks (built to leadtrail-checks.js; docs/contracts.md, "In the runtime"):
// the browser's checks of the visitor calls, which the core fetches on the first such call
// (also of those calls made before, which wait unchecked in the outbox), the captcha's request
// (`{collect}?op=captcha`, `{rest}captcha` when the lean endpoint is not there) and the check of its
// answer (A8), and the checks of the calls' answers (a callback order's, A10, too), which come with them.
import type { Checks } from '../outbox/outbox';
import { callbackFields, eventFields, propertyFields, requestFields, visitorInfoFields } from '../schemas/args';
import { checkCallAnswer, checkCallbackAnswer, checkCaptcha } from '../schemas/answers';
import { checkQueued } from '../outbox/unchecked';
import { postJson } from '../transport/http';
import { refusalText, warn } from '../util/log';
import { leanFirst, leanUrl } from '../transport/lean';
import { TIMEOUT } from '../transport/call';

/** The positional arguments of trackEvent and the property methods, as the core hands them over (by name). */
type Named = Record<string, unknown>;
const named = (r: unknown) => r as Named;
const property = (r: unknown) => propertyFields(named(r).name);

const checks: Checks = {
  event: (r) => {
    const { category, action, name, value } = named(r);
    return eventFields(category, action, name, value);
  },
  property_set: (r) => propertyFields(named(r).name, named(r).value, 1),
  property_delete: property,
  property_has: property,
  property_get: property,
  request: requestFields,
  callback: callbackFields,
  visitor_info: visitorInfoFields,
  captcha: (collect, rest, who) =>
    leanFirst((url) => postJson(url, JSON.stringify(who), { timeout: TIMEOUT }), leanUrl(collect, 'captcha'), rest + 'captcha').then((reply) => {
      const answer = checkCaptcha(reply);
      if (answer.error) warn('get_captcha refused: ' + refusalText(answer.error));
      return answer;
    }),
  called: checkCallbackAnswer,
  answer: checkCallAnswer,
  queued: (queue, save, end) => checkQueued(checks, queue, save, end),
};
(window as { __leadtrailChecks?: Checks }).__leadtrailChecks = checks;
