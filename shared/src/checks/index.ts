// The lazily loaded argument checks (built to leadtrail-checks.js; docs/contracts.md, "In the runtime"):
// the browser's checks of the rarely called methods, which the core fetches on the first such call,
// and the check of a captcha's answer (A8), which comes with them.
import type { Checks } from '../outbox/outbox';
import { callbackFields, requestFields, visitorInfoFields } from '../schemas/args';
import { checkCaptcha } from '../schemas/answers';

const checks: Checks = { request: requestFields, callback: callbackFields, visitor_info: visitorInfoFields, captcha: checkCaptcha };
(window as { __leadtrailChecks?: Checks }).__leadtrailChecks = checks;
