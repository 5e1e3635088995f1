import type { NetworkRecord } from '../messages/tab-log';

export type Param = [name: string, value: string];

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function jsonParams(text: string): Param[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return Object.entries(parsed).map(([name, value]) => [name, asText(value)]);
    }
    return [['body', asText(parsed)]];
  } catch {
    return undefined;
  }
}

const FORM_ENCODED = /^[^=&\s]+=[^\s]*$/;

/**
 * The body's fields, whatever form it came in: parsed form data; JSON (fetch, or a beacon's Blob,
 * which webRequest hands over as raw bytes); url-encoded text; else the text itself as `body`.
 */
function bodyParams(request: NetworkRecord): Param[] {
  const body = request.body;
  if (!body) return [];
  if (body.kind === 'form') return body.fields;
  const text = body.text.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    const params = jsonParams(text);
    if (params) return params;
  }
  if (FORM_ENCODED.test(text)) return [...new URLSearchParams(text)];
  return text === '' ? [] : [['body', body.text]];
}

const queryParams = (url: URL): Param[] => [...url.searchParams];

/** Query and body together: the documented endpoints take their fields from either (A6 POST, A15 GET). */
export const allParams = (request: NetworkRecord, url: URL): Param[] => [...queryParams(url), ...bodyParams(request)];
