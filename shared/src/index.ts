// The runtime's entry (built to wp-plugin/assets/build/leadtrail.js by build.mjs).
import { boot } from './boot';

boot(document.currentScript || document.getElementById('leadtrail-runtime'));
