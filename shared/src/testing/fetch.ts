// A fake `fetch` for unit tests (the real server is tested end to end).
import { vi } from 'vitest';

export const SITE_KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
export const CONFIG = {
  collect: 'https://shop.example/wp-content/plugins/leadtrail/collect.php',
  rest: 'https://shop.example/wp-json/leadtrail/v1/',
  server: 'https://shop.example/wp-json/leadtrail/v1/',
  origins: ['https://shop.example'],
};
export const REST_HIT = CONFIG.rest + 'hit';

export interface Call {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}
export type Reply = Response | Error;
export type Route = (call: Call, index: number) => Reply | Promise<Reply>;

/** Replaces the global fetch with `route`; returns the calls it got, in order. */
export function stubFetch(route: Route): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call = { url: String(url), init, body: JSON.parse(init.body as string) as Record<string, unknown> };
    calls.push(call);
    const reply = await route(call, calls.length - 1);
    if (reply instanceof Error) throw reply;
    return reply;
  });
  return calls;
}

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const result = (visitor_id = 17258569, session_id = 255544855, hit_id = 546833568748) => ({
  visitor_id,
  session_id,
  hit_id,
  token: `${visitor_id}.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg`,
  comagic_id: `${visitor_id}.${session_id}.1777012580`,
  new_session: true,
});

/** The default hit answer, and the identity a visitor call carries after it. */
export const HIT = result();
export const WHO = { visitor_id: HIT.visitor_id, session_id: HIT.session_id, hit_id: HIT.hit_id, token: HIT.token };

export const success = (r = result()) => json(200, { success: true, result: r });

export const refusal = (status: number, code: string, field: string) => json(status, { success: false, result: { code, field, message: `${code} (test)` } });

/** Lets pending promise callbacks and mutation observers run. */
/** What a lean endpoint that is not really there answers: each sends the runtime on to `{rest}`. */
export const UNUSABLE_LEAN: Array<[label: string, reply: () => Reply]> = [
  ['404', () => new Response('<h1>Not Found</h1>', { status: 404 })],
  ['405', () => refusal(405, 'method_not_allowed', 'method')],
  ['an HTML 500', () => new Response('<h1>Error establishing a database connection</h1>', { status: 500 })],
  ["WordPress's JSON 500 (not our envelope)", () => json(500, { code: 'internal_server_error', message: 'x', data: { status: 500 } })],
  ['a network error', () => new TypeError('Failed to fetch')],
];

export const settle = () => new Promise((r) => setTimeout(r, 0));

export function clearCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim();
    // -1, not 0: happy-dom keeps a max-age=0 cookie (empty) until its millisecond has passed, and
    // the next test would read that empty value first.
    if (name) document.cookie = `${name}=; path=/; max-age=-1`;
  }
}
