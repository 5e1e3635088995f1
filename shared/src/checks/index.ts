// The lazily loaded argument checks (built to leadtrail-checks.js; docs/contracts.md, "In the runtime"):
// the browser's checks of the rarely called methods, which the core fetches on the first such call
// (also of those calls made before, which wait unchecked in the outbox), and the checks of the
// answers to a captcha (A8) and a callback order (A10), which come with them.
import type { Checks } from '../outbox/outbox';
import { callbackFields, requestFields, visitorInfoFields } from '../schemas/args';
import { checkCallbackAnswer, checkCaptcha } from '../schemas/answers';
import { checkQueued } from '../outbox/unchecked';

const checks: Checks = {
  request: requestFields,
  callback: callbackFields,
  visitor_info: visitorInfoFields,
  captcha: checkCaptcha,
  called: checkCallbackAnswer,
  queued: (queue, save, end) => checkQueued(checks, queue, save, end),
};
(window as { __leadtrailChecks?: Checks }).__leadtrailChecks = checks;
