// Who the visitor is across page views: `_comagic_id` and `_leadtrail_token` (contracts.md).
import type { HitResult } from '../schemas/hit';
import { TOKEN } from '../schemas/formats';
import { isId } from '../schemas/guards';
import { deleteCookie, getCookie, setCookie } from './cookies';

const ID_COOKIE = '_comagic_id';
const TOKEN_COOKIE = '_leadtrail_token';

export interface Visitor {
  visitor_id: number;
  token: string;
}

/**
 * A returning visitor's id and token, or undefined for a new one. The token starts with the
 * visitor id; `_comagic_id`, when present, must start with the same id.
 */
export function readVisitor(): Visitor | undefined {
  const token = getCookie(TOKEN_COOKIE);
  // The server refuses tokens over 128 characters (contracts.md): no use sending one.
  if (!token || token.length > 128 || !TOKEN.test(token)) return;
  const id = token.split('.')[0]!;
  const visitor_id = +id;
  const cid = getCookie(ID_COOKIE);
  if (isId(visitor_id) && (!cid || cid.startsWith(id + '.'))) return { visitor_id, token };
}

/** Keeps the hit answer's identity for the next page views. */
export function saveVisitor(r: HitResult): void {
  // Both values were checked against their formats with the answer (guards.ts), so they need no
  // escaping in a cookie.
  setCookie(ID_COOKIE, r.comagic_id);
  setCookie(TOKEN_COOKIE, r.token);
}

export function forgetVisitor(): void {
  deleteCookie(ID_COOKIE);
  deleteCookie(TOKEN_COOKIE);
}
