import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HitResult } from '../schemas/hit';

const COLLECT = 'https://shop.example/wp-content/plugins/leadtrail/collect.php';

/** A fresh module (the poll starts once per page) and a fetch answering `available` in turn. */
async function setUp(answers: unknown[]) {
  vi.resetModules();
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    const body = answers[Math.min(urls.length, answers.length) - 1];
    if (body instanceof Error) throw body;
    return new Response(JSON.stringify(body), { status: 200 });
  });
  const { watchStatus, fetchStatus, STATUS_EVERY_MS } = await import('./status');
  return { watchStatus, fetchStatus, STATUS_EVERY_MS, urls };
}

const status = (available: unknown) => ({ success: true, result: { available } });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the operators' status poll", () => {
  it('writes each answer into the current hit answer, polling every 20 s, once per page', async () => {
    vi.useFakeTimers();
    const { watchStatus, STATUS_EVERY_MS, urls } = await setUp([status(true), status(false)]);
    const hit = { chat: undefined } as unknown as HitResult;
    await watchStatus(() => hit, COLLECT);
    expect(urls).toEqual([COLLECT + '?op=chat_status']);
    expect(hit.chat).toBe(true);
    await watchStatus(() => hit, COLLECT);
    expect(urls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(STATUS_EVERY_MS);
    expect(urls).toHaveLength(2);
    expect(hit.chat).toBe(false);
  });

  it('keeps the last answer when a poll fails or answers something else', async () => {
    vi.useFakeTimers();
    const { watchStatus, STATUS_EVERY_MS } = await setUp([
      status(true),
      new TypeError('offline'),
      status('yes'),
      { success: false, result: { code: 'storage_unavailable' } },
    ]);
    const hit = {} as HitResult;
    await watchStatus(() => hit, COLLECT);
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(STATUS_EVERY_MS);
      expect(hit.chat).toBe(true);
    }
  });

  it('fetchStatus: the boolean, or undefined for anything but a success', async () => {
    const { fetchStatus } = await setUp([status(false), { success: false, result: { available: true } }]);
    expect(await fetchStatus(COLLECT)).toBe(false);
    expect(await fetchStatus(COLLECT)).toBeUndefined();
  });
});
