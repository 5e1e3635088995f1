// Entry of leadtrail-cloud-fields.js (cloud mode only; see ./fields.ts).
import { start } from './fields';

start();
