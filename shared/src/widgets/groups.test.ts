// The widgets' reads (groups, callback settings): the lean endpoint first, the REST route only when
// the lean endpoint is not there; a 5xx with our refusal (a database outage) is an answer, not a
// reason to ask the REST route, which would only fail with a 500.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCallbackSettings, loadGroups } from './groups';
import { CONFIG, json, refusal, UNUSABLE_LEAN } from '../testing/fetch';

const GROUPS = [{ id: 16587, name: 'Sales' }];
const AT = { lean: CONFIG.collect, rest: CONFIG.rest };

/** Replaces fetch (GETs: no body); `reply(url, index)` answers; returns the URLs asked. */
function stubGet(reply: (url: string, index: number) => Response | Error): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    expect(init?.method ?? 'GET').toBe('GET');
    urls.push(String(url));
    const r = reply(String(url), urls.length - 1);
    if (r instanceof Error) throw r;
    return r;
  });
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadGroups and loadCallbackSettings', () => {
  it('GET {collect}?op=groups and ?op=callback_settings: the lean answer, no REST call', async () => {
    const urls = stubGet((url) => json(200, { success: true, result: url.endsWith('groups') ? GROUPS : { captcha: true, mask: '+7 ___' } }));
    expect(await loadGroups(AT)).toEqual(GROUPS);
    expect(await loadCallbackSettings(AT)).toEqual({ captcha: true, mask: '+7 ___' });
    expect(urls).toEqual([CONFIG.collect + '?op=groups', CONFIG.collect + '?op=callback_settings']);
  });

  it('adds op to a collect URL that already has a query', async () => {
    const urls = stubGet(() => json(200, { success: true, result: GROUPS }));
    await loadGroups({ ...AT, lean: CONFIG.collect + '?ver=1' });
    expect(urls).toEqual([CONFIG.collect + '?ver=1&op=groups']);
  });

  it.each([
    ['503 storage_unavailable', () => refusal(503, 'storage_unavailable', '')],
    ['500 with our refusal', () => refusal(500, 'internal_error', '')],
  ])('%s from the lean endpoint: no groups, default settings, and no REST call', async (_label, reply) => {
    const urls = stubGet(reply);
    expect(await loadGroups(AT)).toEqual([]);
    expect(await loadCallbackSettings(AT)).toEqual({ captcha: false });
    expect(urls).toEqual([CONFIG.collect + '?op=groups', CONFIG.collect + '?op=callback_settings']);
  });

  it.each(UNUSABLE_LEAN)('falls back to {rest}groups and {rest}callback/settings on %s', async (_label, first) => {
    const urls = stubGet((url) =>
      url.startsWith(CONFIG.collect) ? first() : json(200, { success: true, result: url.endsWith('groups') ? GROUPS : { captcha: true } }),
    );
    expect(await loadGroups(AT)).toEqual(GROUPS);
    expect(await loadCallbackSettings(AT)).toEqual({ captcha: true, mask: undefined });
    expect(urls).toEqual([CONFIG.collect + '?op=groups', CONFIG.rest + 'groups', CONFIG.collect + '?op=callback_settings', CONFIG.rest + 'callback/settings']);
  });

  it('neither answers: no groups, default settings, never a rejection', async () => {
    const urls = stubGet(() => new TypeError('offline'));
    expect(await loadGroups(AT)).toEqual([]);
    expect(await loadCallbackSettings(AT)).toEqual({ captcha: false });
    expect(urls).toHaveLength(4);
  });
});
