// The visitor calls' operations (docs/contracts.md, "Visitor calls"), without zod.
import type { Op } from './calls';

/** has, get, list: they answer with a `result` and change nothing. */
export const isRead = (op: Op) => /^property_[hg]|^properties/.test(op);

/** The REST fallback route of `op`, under `{rest}`: `property_set` -> `property/set`. */
export const route = (op: Op) => (op == 'visitor_info' ? 'visitor-info' : op.replace('_', '/'));
