import type { WebRequest } from 'webextension-polyfill';
import type { RequestBody } from '../messages/tab-log';

/** Enough for any tracking payload; a larger body is cut, and says so. */
export const MAX_BODY_BYTES = 64 * 1024;

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/**
 * webRequest's view of a body as our record: form fields when the browser parsed them (form posts),
 * else the raw bytes as UTF-8 text (fetch with JSON, beacons with a Blob or a string).
 */
export function readRequestBody(body: WebRequest.OnBeforeRequestDetailsTypeRequestBodyType | undefined): RequestBody | undefined {
  if (!body) return undefined;
  if (body.formData) {
    // Typed as one string per key, but the browsers give a list of values per key.
    const entries = Object.entries(body.formData as Record<string, string | string[]>);
    return { kind: 'form', fields: entries.flatMap(([name, values]) => [values].flat().map((value): [string, string] => [name, value])) };
  }
  if (body.raw) {
    const parts = body.raw.flatMap((part) => (part.bytes instanceof ArrayBuffer ? [new Uint8Array(part.bytes)] : []));
    const bytes = concat(parts);
    const truncated = bytes.length > MAX_BODY_BYTES;
    return { kind: 'text', text: new TextDecoder().decode(bytes.subarray(0, MAX_BODY_BYTES)), truncated };
  }
  if (body.error) return { kind: 'text', text: `(the browser could not read the body: ${body.error})`, truncated: false };
  return undefined;
}
