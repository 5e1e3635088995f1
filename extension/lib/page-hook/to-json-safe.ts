import type { JsonValue } from '../messages/json-value';

// Page values cross to the extension through postMessage and storage, which take only plain
// data; and the page's objects may be huge, cyclic, or booby-trapped (throwing getters, proxies).
// So every value is copied into bounded JSON, and what JSON cannot say is tagged `{ $lt: kind }`.
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const MAX_STRING = 2000;

const tag = (kind: string, extra: Record<string, JsonValue> = {}): JsonValue => ({ $lt: kind, ...extra });

/** Says what an exception was, without trusting it to behave. */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an unprintable error';
  }
}

function clip(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}

function isDomNode(value: object): value is Node {
  return typeof (value as Node).nodeType === 'number' && typeof (value as Node).nodeName === 'string';
}

function describeNode(node: Node): string {
  const element = node as Element;
  if (node.nodeType !== 1) return node.nodeName;
  const id = element.id ? `#${element.id}` : '';
  return `<${element.localName}${id}>`;
}

function copy(value: unknown, depth: number, seen: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string':
      return clip(value);
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : tag('number', { text: String(value) });
    case 'undefined':
      return tag('undefined');
    case 'bigint':
      return tag('bigint', { text: value.toString() });
    case 'symbol':
      return tag('symbol', { text: value.description ?? '' });
    case 'function':
      return tag('function', { name: clip(String(value.name || '')) });
    case 'object':
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return tag('cycle');
  if (depth >= MAX_DEPTH) return tag('deep');
  try {
    if (object instanceof Error) return tag('error', { text: clip(describeError(object)) });
    if (object instanceof Date) return tag('date', { text: Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString() });
    if (typeof (object as PromiseLike<unknown>).then === 'function') return tag('promise');
    if (isDomNode(object)) return tag('node', { text: describeNode(object) });
    seen.add(object);
    try {
      return Array.isArray(object) ? copyArray(object, depth, seen) : copyObject(object, depth, seen);
    } finally {
      seen.delete(object);
    }
  } catch (error) {
    return tag('unreadable', { text: clip(describeError(error)) });
  }
}

function copyArray(array: unknown[], depth: number, seen: Set<object>): JsonValue {
  const out: JsonValue[] = [];
  const length = Math.min(array.length, MAX_ITEMS);
  for (let i = 0; i < length; i++) out.push(readSafely(() => array[i], depth, seen));
  if (array.length > MAX_ITEMS) out.push(tag('more', { count: array.length - MAX_ITEMS }));
  return out;
}

function copyObject(object: object, depth: number, seen: Set<object>): JsonValue {
  const out: Record<string, JsonValue> = {};
  const keys = Object.keys(object);
  for (const key of keys.slice(0, MAX_ITEMS)) {
    out[key] = readSafely(() => (object as Record<string, unknown>)[key], depth, seen);
  }
  if (keys.length > MAX_ITEMS) out['…'] = tag('more', { count: keys.length - MAX_ITEMS });
  return out;
}

function readSafely(read: () => unknown, depth: number, seen: Set<object>): JsonValue {
  try {
    return copy(read(), depth + 1, seen);
  } catch (error) {
    return tag('unreadable', { text: clip(describeError(error)) });
  }
}

/** A bounded, JSON-safe copy of any page value; never throws. */
export function toJsonSafe(value: unknown): JsonValue {
  return copy(value, 0, new Set());
}
