// The global objects the page sees (A3, A5, A12, A13, F4, F7; contracts.md, "Runtime globals").
import type { Runtime } from '../core/runtime';
import { VERSION } from '../version';
import { visitorMethods } from './visitor';
import { widgetOpener } from './widgets';

export function createComagic(rt: Runtime) {
  const { properties, ...visitor } = visitorMethods(rt);
  const open = widgetOpener(rt.config, visitor.addOfflineRequest);
  return {
    /** A12: the visitor id, or undefined before the first hit answer (R1). */
    getVisitorId: () => rt.hit?.visitor_id,
    /** A13: the session id, or undefined before the first hit answer (R1). */
    getSessionId: () => rt.hit?.session_id,
    /** A5 (+ F1 `key`, `uri`, R2 `comagic_id`), or undefined before the first hit answer (R1). */
    getCredentials: () => rt.credentials(),
    /** F7: resolves with the credentials after the first hit answer. */
    ready: rt.ready,
    /** F4: works like `__cs.push`. */
    push: rt.queue.push,
    /** A1, A4, A14, A16-A19: each returns a Promise of its answer too (R8). */
    ...visitor,
    /** A3: opens the request form; its bundle loads on the first call. */
    openSiteRequestPanel: () => open('openRequestForm'),
    /**
     * Tells tools (the inspector) this is LeadTrail and not the vendor's script; `properties()`
     * is a Promise of the visitor's properties (it rejects on a refusal).
     */
    __leadtrail: { runtime: 'leadtrail' as const, version: VERSION, properties },
  };
}

export type Comagic = ReturnType<typeof createComagic>;

/** The widget API (A7, A10): filled in by a later feature. */
export const createWidget = (): Record<string, unknown> => ({});

/** The page's globals, as the runtime sees them. */
export interface Globals {
  Comagic?: Partial<Comagic>;
  ComagicWidget?: Record<string, unknown>;
  __cs?: unknown[] | { push(command: unknown): void };
}
