import type { ReadResult } from '../messages/json-value';
import { formatPlain, isUndefinedTag } from './format-value';

/** A value read from the page, its error, or the runtime's "not yet" (R1: undefined before the first hit). */
export function ReadValue({ read, what }: { read: ReadResult; what: string }) {
  if (!read.ok) return <span class="error">{`${what} threw ${read.error}`}</span>;
  if (isUndefinedTag(read.value)) return <span class="muted">undefined (not known yet)</span>;
  return <span class="value">{formatPlain(read.value)}</span>;
}
