// Direct calls to the plugin's visitor routes (docs/contracts.md), as a script outside the runtime
// would make them: for isolation and refusal tests.
import crypto from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import type { Credentials } from './visitor';
import { siteUrl } from './wp';

export type Answer = { status: number; body: any; text: string };

export const leanUrl = (op: string) => `${siteUrl()}/wp-content/plugins/leadtrail/collect.php?op=${op}`;
export const restUrl = (route: string) => `${siteUrl()}/wp-json/leadtrail/v1/${route}`;

/** The hit's two entry points: the lean endpoint (no `op`) and the REST fallback. */
export const hitEndpoints = {
  collect: () => `${siteUrl()}/wp-content/plugins/leadtrail/collect.php`,
  rest: () => restUrl('hit'),
};

/** Each operation at both of its entry points. */
export const operations = {
  event: { lean: 'event', rest: 'event' },
  visitor_info: { lean: 'visitor_info', rest: 'visitor-info' },
  property_set: { lean: 'property_set', rest: 'property/set' },
  property_delete: { lean: 'property_delete', rest: 'property/delete' },
  property_has: { lean: 'property_has', rest: 'property/has' },
  property_get: { lean: 'property_get', rest: 'property/get' },
  properties: { lean: 'properties', rest: 'properties' },
  request: { lean: 'request', rest: 'request' },
} as const;
export type Operation = keyof typeof operations;

export function entryPoints(op: Operation): Array<[string, string]> {
  return [
    ['lean', leanUrl(operations[op].lean)],
    ['rest', restUrl(operations[op].rest)],
  ];
}

export async function postRaw(url: string, body: string | Uint8Array): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body as BodyInit });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the test's assertion on `body` will say so.
  }
  return { status: response.status, body: parsed, text };
}

export function requestId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/**
 * The visitor's token cookie. A cookie that the page wrote with document.cookie reaches the
 * browser's cookie store asynchronously, so a busy machine may need a moment.
 */
export async function tokenOf(context: BrowserContext): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const cookie = (await context.cookies()).find((c) => c.name === '_leadtrail_token');
    if (cookie) return decodeURIComponent(cookie.value);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the visitor has no token cookie');
}

export function identity(credentials: Credentials, token: string) {
  return { visitor_id: credentials.visitor_id, session_id: credentials.session_id, hit_id: credentials.hit_id, token };
}
