// The lazily loaded argument checks (built to leadtrail-checks.js; docs/contracts.md, "In the runtime"):
// the browser's checks of the rarely called methods, which the core fetches on the first such call
// (also of those calls made before, which wait unchecked in the outbox), the captcha's request and
// the check of its answer (A8), and the check of a callback order's answer (A10), which come with them.
import type { Checks } from '../outbox/outbox';
import { callbackFields, requestFields, visitorInfoFields } from '../schemas/args';
import { checkCallbackAnswer, checkCaptcha } from '../schemas/answers';
import { checkQueued } from '../outbox/unchecked';
import { postJson } from '../transport/http';
import { TIMEOUT } from '../transport/call';

const checks: Checks = {
  request: requestFields,
  callback: callbackFields,
  visitor_info: visitorInfoFields,
  captcha: (rest, who) => postJson(rest + 'captcha', JSON.stringify(who), { timeout: TIMEOUT }).then(checkCaptcha),
  called: checkCallbackAnswer,
  queued: (queue, save, end) => checkQueued(checks, queue, save, end),
};
(window as { __leadtrailChecks?: Checks }).__leadtrailChecks = checks;
