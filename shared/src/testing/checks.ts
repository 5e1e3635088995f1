// Vitest setup: the lazily loaded checks (leadtrail-checks.js) and form watcher (leadtrail-forms.js)
// are on the page, as once fetched; outbox.test.ts covers a page without the checks.
import '../checks/index';
import '../forms/index';
