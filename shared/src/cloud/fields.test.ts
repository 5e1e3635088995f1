import { afterEach, describe, expect, it, vi } from 'vitest';
import { GIVE_UP_MS, read, start, valuesFrom } from './fields';

const vendor = {
  site_key: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75',
  visitor_id: 17258569,
  hit_id: 546833568748,
  session_id: 255544855,
  consultant_server_url: 'https://server.comagic.ru/',
};

const hidden = (form: HTMLFormElement) =>
  Object.fromEntries(
    Array.from(form.querySelectorAll('input[type=hidden][data-leadtrail]')).map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]),
  );

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  delete (window as any).Comagic;
});

describe('cloud fields', () => {
  it('maps the vendor credentials (A5) to the seven hidden fields', () => {
    expect(valuesFrom(vendor, 'https://shop.example/')).toEqual({
      site_key: vendor.site_key,
      key: vendor.site_key,
      uri: 'https://shop.example/',
      visitor_id: 17258569,
      hit_id: 546833568748,
      session_id: 255544855,
      consultant_server_url: 'https://server.comagic.ru/',
    });
  });

  it('waits while the credentials are missing or incomplete', () => {
    expect(valuesFrom(undefined, 'x')).toBeUndefined();
    expect(valuesFrom({ ...vendor, visitor_id: undefined }, 'x')).toBeUndefined();
    expect(valuesFrom({ ...vendor, site_key: 'short' }, 'x')).toBeUndefined();
    expect(valuesFrom({ ...vendor, consultant_server_url: 'javascript:alert(1)' }, 'x')).toBeUndefined();
    expect(
      read({
        Comagic: {
          getCredentials: () => {
            throw new Error('not ready');
          },
        },
        location,
      } as any),
    ).toBeUndefined();
  });

  it('polls until the vendor runtime is there, then fills POST forms and later forms, not GET forms', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<form method="post" id="a"><input name="name"></form><form method="get" id="s"></form>';
    const stop = start(window as any);
    const form = document.getElementById('a') as HTMLFormElement;
    expect(hidden(form)).toEqual({});
    (window as any).Comagic = { getCredentials: () => vendor };
    vi.advanceTimersByTime(250);
    expect(hidden(form)).toMatchObject({ site_key: vendor.site_key, visitor_id: '17258569', consultant_server_url: 'https://server.comagic.ru/' });
    expect(hidden(document.getElementById('s') as HTMLFormElement)).toEqual({});
    stop();
  });

  it('gives up quietly after a while without a runtime', () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = start(window as any);
    vi.advanceTimersByTime(GIVE_UP_MS + 500);
    expect(warn).toHaveBeenCalledTimes(1);
    stop();
    warn.mockRestore();
  });
});
