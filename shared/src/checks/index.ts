// The lazily loaded argument checks (built to leadtrail-checks.js; docs/contracts.md, "In the runtime"):
// the browser's checks of the rarely called methods, which the core fetches on the first such call,
// and the checks of the answers to a captcha (A8) and a callback order (A10), which come with them.
import type { Checks } from '../outbox/outbox';
import { callbackFields, requestFields, visitorInfoFields } from '../schemas/args';
import { checkCallbackAnswer, checkCaptcha } from '../schemas/answers';

const checks: Checks = { request: requestFields, callback: callbackFields, visitor_info: visitorInfoFields, captcha: checkCaptcha, called: checkCallbackAnswer };
(window as { __leadtrailChecks?: Checks }).__leadtrailChecks = checks;
