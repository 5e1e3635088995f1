import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieString, deleteCookie, getCookie, MAX_AGE, setCookie } from './cookies';
import { forgetVisitor, readVisitor, saveVisitor } from './visitor';
import { clearCookies, result } from '../testing/fetch';

afterEach(clearCookies);

describe('cookie format', () => {
  it('is first-party, site-wide, two years, Lax, Secure on https', () => {
    expect(MAX_AGE).toBe(63072000);
    expect(cookieString('_comagic_id', '1.2.3', MAX_AGE, true)).toBe('_comagic_id=1.2.3; path=/; max-age=63072000; SameSite=Lax; Secure');
    expect(cookieString('_comagic_id', '1.2.3', MAX_AGE, false)).toBe('_comagic_id=1.2.3; path=/; max-age=63072000; SameSite=Lax');
  });

  it('is written with those attributes', () => {
    const set = vi.spyOn(document, 'cookie', 'set');
    setCookie('_leadtrail_token', '1.abc');
    deleteCookie('_leadtrail_token');
    const writes = set.mock.calls.map((c) => c[0]);
    // The test page is https (vitest.config.ts), so Secure.
    expect(writes).toEqual([
      '_leadtrail_token=1.abc; path=/; max-age=63072000; SameSite=Lax; Secure',
      '_leadtrail_token=; path=/; max-age=-1; SameSite=Lax; Secure',
    ]);
  });

  it('round-trips through document.cookie and can be deleted', () => {
    document.cookie = '_comagic_id_x=other; path=/';
    setCookie('_comagic_id', '10640054782.14783260762.1777012580');
    expect(getCookie('_comagic_id')).toBe('10640054782.14783260762.1777012580');
    expect(getCookie('_comagic_id_x')).toBe('other');
    deleteCookie('_comagic_id');
    expect(getCookie('_comagic_id')).toBeUndefined();
    expect(getCookie('_comagic_id_x')).toBe('other');
  });
});

describe('the visitor in the cookies', () => {
  it('is saved from a hit answer and read back as visitor_id + token', () => {
    const r = result(42, 7);
    expect(readVisitor()).toBeUndefined();
    saveVisitor(r);
    expect(getCookie('_comagic_id')).toBe(r.comagic_id);
    expect(getCookie('_leadtrail_token')).toBe(r.token);
    expect(readVisitor()).toEqual({ visitor_id: 42, token: r.token });
    forgetVisitor();
    expect(readVisitor()).toBeUndefined();
    expect(document.cookie).not.toContain('_leadtrail_token');
  });

  it('counts as new when the cookies do not fit together or are malformed', () => {
    setCookie('_leadtrail_token', '42.abc');
    setCookie('_comagic_id', '43.1.1777012580');
    expect(readVisitor()).toBeUndefined();
    setCookie('_comagic_id', '42.1.1777012580');
    expect(readVisitor()).toEqual({ visitor_id: 42, token: '42.abc' });
    setCookie('_leadtrail_token', '42.' + 'a'.repeat(126));
    expect(readVisitor()).toBeUndefined();
    setCookie('_leadtrail_token', 'garbage');
    expect(readVisitor()).toBeUndefined();
    setCookie('_leadtrail_token', '0.abc');
    setCookie('_comagic_id', '0.1.1');
    expect(readVisitor()).toBeUndefined();
  });

  it('needs only the token when _comagic_id is gone', () => {
    setCookie('_leadtrail_token', '42.abc');
    expect(readVisitor()).toEqual({ visitor_id: 42, token: '42.abc' });
  });
});
