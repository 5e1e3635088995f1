// "Count page views of single-page apps" (built to leadtrail-spa.js; docs/contracts.md, "Runtime
// globals"): loaded by the core only on a page whose runtime tag has `data-spa`, it registers
// `window.__leadtrailSpa(count)`, which the core calls with its `reinitTrackView`.
import { watchHistory } from '../api/history';

(window as { __leadtrailSpa?: typeof watchHistory }).__leadtrailSpa = watchHistory;
