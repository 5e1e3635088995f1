/** 404, 405, 5xx: a server that does not run the endpoint there (or cannot right now). */
export const unusable = (status: number) => status == 404 || status == 405 || status >= 500;

export interface Reply {
  status: number;
  /** The parsed JSON; undefined when the body is not JSON. */
  body: unknown;
}

export interface PostOptions {
  /** Lets the request outlive the page (fire-and-forget calls). */
  keepalive?: boolean;
  /** Gives up after this many milliseconds (AbortController). */
  timeout?: number;
}

/**
 * POSTs a JSON body; resolves to the status and parsed JSON (undefined if the body is not JSON),
 * or to undefined on a network error or a timeout. Never rejects. The site's cookies go along
 * (fetch's default, `same-origin`).
 */
export async function postJson(url: string, body: string, { keepalive, timeout }: PostOptions = {}): Promise<Reply | undefined> {
  const abort = new AbortController();
  const timer = timeout && setTimeout(() => abort.abort(), timeout);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      keepalive,
      signal: abort.signal,
    });
    return { status: res.status, body: await res.json().catch(() => {}) };
  } catch {
    // unusable: offline, blocked, or timed out
  } finally {
    clearTimeout(timer);
  }
}
