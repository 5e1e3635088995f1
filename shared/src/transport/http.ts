export interface Reply {
  status: number;
  body: unknown;
}

/** POSTs a JSON body; resolves to the status and parsed JSON, or undefined on a network error or a body that is not JSON. Never rejects. */
export async function postJson(url: string, body: string): Promise<Reply | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'same-origin',
    });
    return { status: res.status, body: await res.json() };
  } catch {
    // unusable: offline, blocked, or not JSON
  }
}
