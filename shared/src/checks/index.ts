// The lazily loaded argument checks (built to leadtrail-checks.js; docs/contracts.md, "In the runtime"):
// the browser's checks of the rarely called methods, which the core fetches on the first such call.
import type { Checks } from '../outbox/outbox';
import { callbackFields, requestFields, visitorInfoFields } from '../schemas/args';

const checks: Checks = { request: requestFields, callback: callbackFields, visitor_info: visitorInfoFields };
(window as { __leadtrailChecks?: Checks }).__leadtrailChecks = checks;
