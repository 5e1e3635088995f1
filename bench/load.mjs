// A bounded load loop on loopback: a fixed number of requests at a fixed concurrency.
import http from 'node:http';

/**
 * @param {{url: string, method?: string, body?: (i: number) => string, headers?: (i: number) => Record<string, string>, contentType?: string, total: number, concurrency: number}} options
 * @returns {Promise<{perSecond: number, p50: number, p95: number, errors: number}>}
 */
export async function load({ url, method = 'GET', body, headers, contentType = 'application/json', total, concurrency }) {
  const target = new URL(url);
  const timings = [];
  let next = 0;
  let errors = 0;
  const one = (i) =>
    new Promise((resolve) => {
      const payload = body ? Buffer.from(body(i)) : null;
      const started = process.hrtime.bigint();
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method,
          headers: { ...headers?.(i), ...(payload ? { 'Content-Type': contentType, 'Content-Length': payload.length } : {}) },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode !== 200) errors += 1;
            timings.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(payload ?? undefined);
    });
  const worker = async () => {
    while (next < total) await one(next++);
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  timings.sort((a, b) => a - b);
  const at = (q) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? NaN;
  return { perSecond: total / seconds, p50: at(0.5), p95: at(0.95), errors };
}
