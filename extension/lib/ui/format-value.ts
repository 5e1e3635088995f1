import type { JsonValue } from '../messages/json-value';

// Shows a JSON-safe page value (lib/page-hook/to-json-safe.ts) the way a JS console would, tags
// included. The text is rendered by Preact as text, so nothing in it is ever markup.

type Tagged = { $lt: string; text?: string; name?: string; count?: number };

function isTagged(value: object): value is Tagged {
  return !Array.isArray(value) && typeof (value as Tagged).$lt === 'string';
}

function formatTag(value: Tagged): string {
  switch (value.$lt) {
    case 'undefined':
      return 'undefined';
    case 'function':
      return `ƒ ${value.name || 'anonymous'}()`;
    case 'symbol':
      return `Symbol(${value.text ?? ''})`;
    case 'bigint':
      return `${value.text ?? ''}n`;
    case 'number':
      return value.text ?? 'NaN';
    case 'error':
      return value.text ?? 'Error';
    case 'date':
      return `Date(${value.text ?? ''})`;
    case 'promise':
      return 'Promise';
    case 'node':
      return value.text ?? 'Node';
    case 'cycle':
      return '[Circular]';
    case 'deep':
      return '…';
    case 'more':
      return `… ${value.count ?? 0} more`;
    case 'unreadable':
      return `[unreadable: ${value.text ?? ''}]`;
    default:
      return JSON.stringify(value);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One line: `'Offer', 'DownloadBook'` style, strings quoted, keys bare when they can be. */
export function formatValue(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${JSON.stringify(value).slice(1, -1).replaceAll("'", "\\'").replaceAll('\\"', '"')}'`;
  if (typeof value !== 'object') return String(value);
  if (isTagged(value)) return formatTag(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${IDENTIFIER.test(key) ? key : formatValue(key)}: ${item === undefined ? 'undefined' : formatValue(item)}`,
  );
  return entries.length === 0 ? '{}' : `{${entries.join(', ')}}`;
}

/** A call's arguments, as they were written: `'Offer', 'DownloadBook'`. */
export const formatArgs = (args: readonly JsonValue[]): string => args.map(formatValue).join(', ');

/** True for the tag of `undefined`: a void method's return is not worth showing. */
export function isUndefinedTag(value: JsonValue | undefined): boolean {
  return value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Tagged).$lt === 'undefined');
}

/** A scalar as plain text (no quotes), anything else as formatValue does. */
export function formatPlain(value: JsonValue): string {
  return typeof value === 'string' ? value : formatValue(value);
}
