import { describe, expect, it, vi } from 'vitest';
import { readConfig } from './config';

function script(attrs: Record<string, string>) {
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  return s;
}

describe('readConfig', () => {
  it('reads the three data attributes and adds the trailing slashes; keeps its own URL (absolute)', () => {
    expect(readConfig(script({ src: '/p/leadtrail.js?ver=1', 'data-collect': '/c.php', 'data-rest': '/wp-json/leadtrail/v1', 'data-server': '/s/' }))).toEqual({
      collect: '/c.php',
      rest: '/wp-json/leadtrail/v1/',
      server: '/s/',
      origins: ['https://shop.example'],
      src: 'https://shop.example/p/leadtrail.js?ver=1',
      spa: false,
    });
  });

  it("allows the origins of data-origins next to the page's own", () => {
    const attrs = { 'data-collect': '/c.php', 'data-rest': '/r/', 'data-server': '/s/' };
    expect(readConfig(script({ ...attrs, 'data-origins': ' https://crm.example  http://10.0.0.5:8080 ' }))?.origins).toEqual([
      'https://shop.example',
      'https://crm.example',
      'http://10.0.0.5:8080',
    ]);
    expect(readConfig(script({ ...attrs, 'data-origins': '' }))?.origins).toEqual(['https://shop.example']);
  });

  it('reads data-spa (count the page views of a single-page app) by its presence', () => {
    expect(readConfig(script({ 'data-collect': '/c.php', 'data-rest': '/r/', 'data-server': '/s/', 'data-spa': '' }))?.spa).toBe(true);
  });

  it('reports a missing attribute by name and returns undefined', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readConfig(script({ 'data-collect': '/c.php', 'data-server': '/s/' }))).toBeUndefined();
    expect(err).toHaveBeenCalledTimes(1);
    expect(String(err.mock.calls[0]![1])).toContain('data-rest');
    expect(String(err.mock.calls[0]![1])).not.toContain('data-collect');
  });

  it('treats no script at all as everything missing', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readConfig(null)).toBeUndefined();
    expect(String(err.mock.calls[0]![1])).toContain('data-collect, data-rest, data-server');
  });
});
