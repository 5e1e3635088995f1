// leadtrail-chat.js: the operators' status poll (status.ts), loaded by the core on the first
// `getOperatorStatus()`, registered for it as `window.__leadtrailChat`.
import type { ChatWatch } from './api';
import { watchStatus } from './status';

(window as { __leadtrailChat?: ChatWatch }).__leadtrailChat = watchStatus;
