import { describe, expect, it } from 'vitest';
import { networkRecord } from '../../testing/network-record';
import type { TabLog } from '../messages/tab-log';
import { toHar } from './to-har';

const log: TabLog = {
  tabId: 7,
  preserve: true,
  dropped: 0,
  calls: [],
  pages: [{ page: 1, url: 'https://shop.example/', at: Date.UTC(2025, 0, 2, 3, 4, 5) }],
  requests: [
    networkRecord('https://server.comagic.ru/api/add_offline_message/?v=1', {
      method: 'POST',
      at: Date.UTC(2025, 0, 2, 3, 4, 6),
      body: {
        kind: 'form',
        fields: [
          ['name', 'Анна'],
          ['phone', '+7 900'],
        ],
      },
      requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded; charset=UTF-8' }],
      status: 200,
      statusLine: 'HTTP/1.1 200 OK',
      responseHeaders: [{ name: 'content-type', value: 'application/json' }],
      ms: 31.5,
    }),
    networkRecord('https://shop.example/wp-content/plugins/leadtrail/collect.php', {
      id: '2',
      method: 'POST',
      type: 'ping',
      body: { kind: 'text', text: '{"a":1}', truncated: false },
      error: 'net::ERR_ABORTED',
    }),
  ],
};

describe('toHar', () => {
  it('writes HAR 1.2 with pages, form posts, beacons and what is unknown marked so', () => {
    const har = toHar(log, '0.1.0');
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'LeadTrail Inspector', version: '0.1.0' });
    expect(har.log.pages).toEqual([{ startedDateTime: '2025-01-02T03:04:05.000Z', id: 'page_1', title: 'https://shop.example/', pageTimings: {} }]);
    const [form, beacon] = har.log.entries;
    expect(form).toMatchObject({
      pageref: 'page_1',
      startedDateTime: '2025-01-02T03:04:06.000Z',
      time: 31.5,
      request: {
        method: 'POST',
        httpVersion: 'HTTP/1.1',
        queryString: [{ name: 'v', value: '1' }],
        postData: {
          mimeType: 'application/x-www-form-urlencoded; charset=UTF-8',
          params: [
            { name: 'name', value: 'Анна' },
            { name: 'phone', value: '+7 900' },
          ],
          text: 'name=%D0%90%D0%BD%D0%BD%D0%B0&phone=%2B7+900',
        },
        headersSize: -1,
      },
      response: { status: 200, statusText: 'OK', content: { size: 0, mimeType: 'application/json' } },
      timings: { send: 0, wait: 31.5, receive: 0 },
    });
    expect(form?.request.bodySize).toBe(44);
    expect(beacon).toMatchObject({
      request: { postData: { mimeType: '', text: '{"a":1}' }, bodySize: 7 },
      response: { status: 0, statusText: '' },
      comment: 'failed: net::ERR_ABORTED',
    });
    // It must survive a JSON round trip, as it is saved.
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });
});
