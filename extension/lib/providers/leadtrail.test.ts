import { describe, expect, it } from 'vitest';
import { networkRecord } from '../../testing/network-record';
import { leadtrailProvider } from './leadtrail';

const decode = (record: ReturnType<typeof networkRecord>) => leadtrailProvider.decode(record, new URL(record.url));
const matches = (url: string) => leadtrailProvider.matches(new URL(url));

describe('the LeadTrail provider', () => {
  it('claims the hit endpoint and the REST routes, with or without pretty permalinks', () => {
    expect(matches('https://shop.example/wp-content/plugins/leadtrail/collect.php')).toBe(true);
    expect(matches('https://shop.example/blog/wp-json/leadtrail/v1/hit')).toBe(true);
    expect(matches('https://shop.example/?rest_route=/leadtrail/v1/api/add_offline_message/')).toBe(true);
    expect(matches('https://shop.example/wp-json/wp/v2/posts')).toBe(false);
    expect(matches('https://shop.example/?rest_route=/other/v1/x')).toBe(false);
    expect(matches('https://server.comagic.ru/api/add_offline_message/')).toBe(false);
  });

  it('reads a page-view hit sent as a JSON beacon (contracts.md, "Hit")', () => {
    const body = JSON.stringify({
      site_key: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75',
      url: 'https://shop.example/?utm_source=x',
      referrer: '',
      title: 'Shop',
      visitor_id: 17,
      token: '17.abc',
    });
    const decoded = decode(
      networkRecord('https://shop.example/wp-content/plugins/leadtrail/collect.php', {
        method: 'POST',
        type: 'ping',
        body: { kind: 'text', text: body, truncated: false },
      }),
    );
    expect(decoded).toEqual({
      provider: 'LeadTrail',
      title: 'Page-view hit',
      fields: [
        { name: 'site_key', label: 'site key', value: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75' },
        { name: 'url', label: 'page', value: 'https://shop.example/?utm_source=x' },
        { name: 'referrer', label: 'referrer', value: '' },
        { name: 'title', label: 'page title', value: 'Shop' },
        { name: 'visitor_id', label: 'visitor id', value: '17' },
        { name: 'token', label: 'visitor token', value: '17.abc' },
      ],
    });
  });

  it('reads the REST hit fallback and the documented routes served under consultant_server_url', () => {
    expect(
      decode(
        networkRecord('https://shop.example/wp-json/leadtrail/v1/hit', {
          method: 'POST',
          body: { kind: 'text', text: '{"site_key":"k","url":"https://shop.example/"}', truncated: false },
        }),
      ).title,
    ).toBe('Page-view hit (REST fallback)');

    const offline = decode(
      networkRecord('https://shop.example/?rest_route=/leadtrail/v1/api/add_offline_message/', {
        method: 'POST',
        body: {
          kind: 'form',
          fields: [
            ['site_key', 'k'],
            ['name', 'Ann'],
            ['text', 'Call me'],
          ],
        },
      }),
    );
    expect(offline.title).toBe('Offline request (A6)');
    expect(offline.fields).toEqual([
      { name: 'site_key', label: 'site key', value: 'k' },
      { name: 'name', label: 'name', value: 'Ann' },
      { name: 'text', label: 'message', value: 'Call me' },
    ]);

    const visitor = decode(networkRecord('https://shop.example/wp-json/leadtrail/v1/vc/s/?sk=k&vn=Ann'));
    expect(visitor.title).toBe('Visitor info (A15)');
    expect(visitor.fields).toContainEqual({ name: 'vn', label: 'name', value: 'Ann' });
  });

  it('reads the visitor calls on the lean endpoint (`?op=`) and on their REST fallbacks', () => {
    const body = {
      kind: 'text' as const,
      text: JSON.stringify({ visitor_id: 1, session_id: 2, hit_id: 3, token: '1.x', request_id: 'r-1', category: 'Offer', action: 'Open' }),
      truncated: false,
    };
    const event = decode(networkRecord('https://shop.example/wp-content/plugins/leadtrail/collect.php?op=event', { method: 'POST', body }));
    expect(event.title).toBe('Event (A1)');
    expect(event.fields.map((field) => field.name)).toEqual(['category', 'action', 'visitor_id', 'session_id', 'hit_id', 'token', 'request_id']);
    expect(event.fields[0]).toEqual({ name: 'category', label: 'category', value: 'Offer' });

    const hit = decode(networkRecord('https://shop.example/wp-content/plugins/leadtrail/collect.php?op=hit', { method: 'POST', body }));
    expect(hit.title).toBe('Page-view hit');
    expect(decode(networkRecord('https://shop.example/wp-json/leadtrail/v1/property/set', { method: 'POST', body })).title).toBe(
      'Set property (A16) (REST fallback)',
    );
    expect(decode(networkRecord('https://shop.example/wp-content/plugins/leadtrail/collect.php?op=properties', { method: 'POST', body })).title).toBe(
      "List properties (the inspector's read)",
    );
    expect(decode(networkRecord('https://shop.example/wp-content/plugins/leadtrail/collect.php?op=future', { method: 'POST', body })).title).toBe(
      'Call future',
    );
  });

  it('claims the documented routes under consultant_server_url (`<plugin url>/server/`) and the lean twins of every public route', () => {
    expect(matches('https://shop.example/wp-content/plugins/leadtrail/server/api/add_offline_message/')).toBe(true);
    expect(matches('https://shop.example/wp-content/plugins/leadtrail/server/vc/s/?sk=k')).toBe(true);
    expect(matches('https://shop.example/wp-content/plugins/other/server/vc/s/')).toBe(false);

    const offline = decode(
      networkRecord('https://shop.example/wp-content/plugins/leadtrail/server/api/add_offline_message/', {
        method: 'POST',
        body: {
          kind: 'form',
          fields: [
            ['site_key', 'k'],
            ['name', 'Ann'],
          ],
        },
      }),
    );
    expect([offline.provider, offline.title]).toEqual(['LeadTrail', 'Offline request (A6)']);
    const visitor = decode(networkRecord('https://shop.example/wp-content/plugins/leadtrail/server/vc/s/?sk=k&vn=Ann'));
    expect([visitor.provider, visitor.title]).toEqual(['LeadTrail', 'Visitor info (A15)']);
    expect(visitor.fields).toContainEqual({ name: 'vn', label: 'name', value: 'Ann' });

    const lean = (op: string) => decode(networkRecord(`https://shop.example/wp-content/plugins/leadtrail/collect.php?op=${op}`)).title;
    expect(['request', 'callback', 'captcha', 'captcha_image', 'groups', 'callback_settings', 'tracker'].map(lean)).toEqual([
      'Offline request (A4)',
      'Callback order (A10)',
      'Captcha (A8)',
      'Captcha picture',
      'Employee groups',
      'Callback settings',
      'Visitor info (A15)',
    ]);
  });

  it('shows any other route with its raw fields', () => {
    const decoded = decode(
      networkRecord('https://shop.example/wp-json/leadtrail/v1/chat/open', {
        method: 'POST',
        body: { kind: 'text', text: '{"category":"Offer","value":{"n":1}}', truncated: false },
      }),
    );
    expect(decoded).toEqual({
      provider: 'LeadTrail',
      title: 'REST chat/open',
      fields: [
        { name: 'category', value: 'Offer' },
        { name: 'value', value: '{"n":1}' },
      ],
    });
  });
});
