// Site keys as the vendor issues them: 32 characters of [A-Za-z0-9_-] (real keys contain `_`), taken
// by the embed code's setCsAccount, the hit's schema and the cloud mode's hidden fields alike.
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot } from './boot';
import { valuesFrom } from './cloud/fields';
import type { Runtime } from './core/runtime';
import { SITE_KEY } from './schemas/formats';
import { HitRequest } from './schemas/hit';
import { settle, stubFetch, success } from './testing/fetch';
import { g, resetPage, runtimeScript } from './testing/page';

const VENDOR_KEYS = ['MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p', '_7RXLiZ8Ggqdmi_ID2AdxggYh_rlT2UT', 'ab-cd_EF-gh_0123456789-_ABCDEFGH'];
const NOT_KEYS = [
  'MeeQnE5up4R0LFblvN_2_wxoPbWtDs1', // 31
  'MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p_', // 33
  'MeeQnE5up4R0LFblvN.2_wxoPbWtDs1p',
  'MeeQnE5up4R0LFblvN 2_wxoPbWtDs1p',
  'MeeQnE5up4R0LFblvNж2_wxoPbWtDs1p',
  'MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p\n',
];

let err: MockInstance<typeof console.error>;
const runtimes: Runtime[] = [];
beforeEach(() => {
  resetPage();
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
  vi.restoreAllMocks();
});

/** Boots the runtime on a page whose embed code pushes `key`. */
function bootWith(key: string) {
  (window as unknown as { __cs: unknown[] }).__cs = [['setCsAccount', key]];
  const rt = boot(runtimeScript());
  if (rt) runtimes.push(rt);
  return rt;
}

describe('site keys', () => {
  it('the format takes the vendor keys and refuses other lengths and characters', () => {
    for (const key of VENDOR_KEYS) expect(SITE_KEY.test(key), key).toBe(true);
    for (const key of NOT_KEYS) expect(SITE_KEY.test(key), key).toBe(false);
  });

  it.each(VENDOR_KEYS)('setCsAccount(%s) sends the hit with that key and gives it back in getCredentials()', async (key) => {
    const calls = stubFetch(() => success());
    await bootWith(key)!.ready;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.site_key).toBe(key);
    expect(HitRequest.safeParse(calls[0]!.body).success).toBe(true);
    expect(g.Comagic.getCredentials()!.site_key).toBe(key);
    expect(err).not.toHaveBeenCalled();
  });

  it.each(NOT_KEYS)('setCsAccount(%j) is refused in the browser, before any request', async (key) => {
    const calls = stubFetch(() => success());
    bootWith(key);
    await settle();
    expect(calls).toHaveLength(0);
    expect(err).toHaveBeenCalledTimes(1);
  });

  it("cloud mode copies the vendor's key with `_` into the hidden fields, and no malformed one", () => {
    const vendor = { site_key: VENDOR_KEYS[0], visitor_id: 17, hit_id: 99, session_id: 4, consultant_server_url: 'https://server.comagic.ru/' };
    expect(valuesFrom(vendor, 'https://shop.example/')).toMatchObject({ site_key: VENDOR_KEYS[0], key: VENDOR_KEYS[0] });
    for (const key of NOT_KEYS) expect(valuesFrom({ ...vendor, site_key: key }, 'x'), key).toBeUndefined();
  });
});
