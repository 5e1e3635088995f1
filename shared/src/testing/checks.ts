// Vitest setup: the lazily loaded checks (leadtrail-checks.js) are on the page, as once fetched;
// outbox.test.ts covers a page without them.
import '../checks/index';
