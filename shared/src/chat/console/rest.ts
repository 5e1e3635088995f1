// The operator routes, with WordPress's REST nonce (docs/contracts.md, "Chat").

export interface Rest {
  /** The answer's `result`, or undefined when the route refused or did not answer (the code is in `last`). */
  call<T>(path: string, method?: 'GET' | 'POST', body?: object): Promise<T | undefined>;
  /** The code of the last refusal or failure ("" after a success). */
  last: string;
  /** Closing the console: sent even as the page unloads (a beacon carries the nonce in the query). */
  beacon(path: string, body: object): void;
}

export function rest(base: string, nonce: string): Rest {
  const r: Rest = {
    last: '',
    async call(path, method = 'GET', body) {
      try {
        const res = await fetch(base + path, {
          method,
          credentials: 'same-origin',
          headers: { 'X-WP-Nonce': nonce, ...(body && { 'Content-Type': 'application/json' }) },
          body: body && JSON.stringify(body),
        });
        const json = await res.json().catch(() => undefined);
        r.last = res.ok ? '' : (json && json.code) || 'http_' + res.status;
        return res.ok && json ? json.result : undefined;
      } catch {
        r.last = 'network_error';
      }
    },
    beacon(path, body) {
      navigator.sendBeacon(base + path + '?_wpnonce=' + encodeURIComponent(nonce), new Blob([JSON.stringify(body)], { type: 'application/json' }));
    },
  };
  return r;
}
