// What the core hands the operators' status poll, leadtrail-chat.js (docs/contracts.md, "Chat"). Types only.
import type { HitResult } from '../schemas/hit';

/**
 * `window.__leadtrailChat`: starts polling the operators' status once (later calls only wait for the
 * first answer) and writes it into the current hit answer's `chat`, which `getOperatorStatus()` reads.
 * `hit` gives the current answer (a new page view replaces it); `collect` is `{collect}`.
 */
export type ChatWatch = (hit: () => HitResult | undefined, collect: string) => Promise<void>;
