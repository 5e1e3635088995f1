// Console output: every line is prefixed so site owners can tell where it comes from.
const PREFIX = '[LeadTrail]';

export const warn = (...args: unknown[]) => console.warn(PREFIX, ...args);
export const error = (...args: unknown[]) => console.error(PREFIX, ...args);

/** A refusal's `result` for the console: `code (field): message`. */
export const refusalText = ({ code, field, message }: { code: string; field?: string; message?: string }) =>
  code + (field ? ` (${field})` : '') + (message ? ': ' + message : '');
