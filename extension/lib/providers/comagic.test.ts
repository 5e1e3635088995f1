import { describe, expect, it } from 'vitest';
import { networkRecord } from '../../testing/network-record';
import { comagicProvider } from './comagic';

const decode = (record: ReturnType<typeof networkRecord>) => comagicProvider.decode(record, new URL(record.url));
const matches = (url: string) => comagicProvider.matches(new URL(url));

describe('the CoMagic (vendor) provider', () => {
  it("claims the vendor's hosts and its documented endpoints on any host", () => {
    expect(matches('https://tracker.comagic.ru/vc/s/?sk=k')).toBe(true);
    expect(matches('https://app.uiscom.ru/static/cs.min.js')).toBe(true);
    expect(matches('https://comagic.ru/')).toBe(true);
    // consultant_server_url may point anywhere (A5): the documented paths are enough.
    expect(matches('http://127.0.0.1:8080/api/add_offline_message/')).toBe(true);
    expect(matches('http://127.0.0.1:8080/vc/s?sk=k')).toBe(true);
    expect(matches('https://notcomagic.ru/')).toBe(false);
    expect(matches('https://shop.example/svc/s/')).toBe(false);
  });

  it('reads the server-side request (A6) with the F1 names, in the documented order', () => {
    const decoded = decode(
      networkRecord('https://server.comagic.ru/api/add_offline_message/', {
        method: 'POST',
        body: {
          kind: 'form',
          fields: [
            ['key', 'VcB4'],
            ['uri', 'https://shop.example/'],
            ['visitor_id', '17258569'],
            ['hit_id', '546833568748'],
            ['phone', '+79000000000'],
            ['is_sale', 'true'],
            ['sale_cost', '1500'],
            ['extra', 'x'],
          ],
        },
      }),
    );
    expect(decoded.provider).toBe('CoMagic');
    expect(decoded.title).toBe('Offline request (A6)');
    expect(decoded.fields).toEqual([
      { name: 'key', label: 'site key (F1)', value: 'VcB4' },
      { name: 'visitor_id', label: 'visitor id', value: '17258569' },
      { name: 'hit_id', label: 'hit id', value: '546833568748' },
      { name: 'uri', label: 'page (F1)', value: 'https://shop.example/' },
      { name: 'phone', label: 'phone', value: '+79000000000' },
      { name: 'is_sale', label: 'is a sale', value: 'true' },
      { name: 'sale_cost', label: 'deal amount', value: '1500' },
      { name: 'extra', value: 'x' },
    ]);
  });

  it('reads the same request sent as url-encoded text (fetch with a string body)', () => {
    const decoded = decode(
      networkRecord('https://server.comagic.ru/api/add_offline_message/', {
        method: 'POST',
        body: { kind: 'text', text: 'site_key=k&name=%D0%90%D0%BD%D0%BD%D0%B0', truncated: false },
      }),
    );
    expect(decoded.fields).toEqual([
      { name: 'site_key', label: 'site key', value: 'k' },
      { name: 'name', label: 'name', value: 'Анна' },
    ]);
  });

  it('reads visitor info (A15), spelling out comagic_id (R2, F5)', () => {
    const decoded = decode(networkRecord('https://tracker.comagic.ru/vc/s/?sk=nS5l&ci=10640054782.14783260762.1777012580&hi=9228054013&vn=new_user&s=1'));
    expect(decoded.title).toBe('Visitor info (A15)');
    expect(decoded.fields).toEqual([
      { name: 'sk', label: 'site key', value: 'nS5l' },
      { name: 'ci', label: 'comagic_id (visitor.session.time)', value: '10640054782.14783260762.1777012580' },
      { name: 'ci → visitor', label: 'visitor id', value: '10640054782' },
      { name: 'ci → session', label: 'session id', value: '14783260762' },
      { name: 'ci → time', label: 'cookie set', value: '2026-04-24T06:36:20.000Z' },
      { name: 'hi', label: 'hit id', value: '9228054013' },
      { name: 'vn', label: 'name', value: 'new_user' },
      { name: 's', label: 'short answer', value: '1' },
    ]);
  });

  it("names the runtime script and shows the vendor's other requests raw", () => {
    expect(decode(networkRecord('https://app.comagic.ru/static/cs.min.js?v=2')).title).toBe('Runtime script cs.min.js');
    expect(
      decode(networkRecord('https://tracker.comagic.ru/t/h/?a=1', { method: 'POST', body: { kind: 'text', text: 'opaque payload', truncated: false } })),
    ).toEqual({
      provider: 'CoMagic',
      title: 'Request /t/h/',
      fields: [
        { name: 'a', value: '1' },
        { name: 'body', value: 'opaque payload' },
      ],
    });
  });
});
