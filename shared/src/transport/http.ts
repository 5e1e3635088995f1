/**
 * POSTs a JSON body and resolves to the parsed JSON answer, or undefined when the endpoint is
 * unusable: a network error, an answer that is not JSON, or 404, 405, 5xx (a server that does
 * not run the endpoint). Never rejects.
 */
export async function postJson(url: string, body: string): Promise<unknown> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'same-origin',
    });
    const s = res.status;
    if (s != 404 && s != 405 && s < 500) return await res.json();
  } catch {
    // fall through: unusable
  }
}
