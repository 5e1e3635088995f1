// The form watcher (built to leadtrail-forms.js; docs/contracts.md, "Runtime globals"): the core fills
// the forms on the page at each hit answer and loads this, next to itself, for the forms that come
// later, the refresh at submit and a form's `action` that changes.
import { watchForms } from './watch';

(window as { __leadtrailForms?: typeof watchForms }).__leadtrailForms = watchForms;
