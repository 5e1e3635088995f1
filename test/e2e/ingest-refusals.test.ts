// The hit endpoint refuses what it must, with a 4xx and a code naming the field, never a
// 500, and writes nothing (docs/contracts.md "Hit"). Run against both entry points.
import { beforeAll, describe, expect, it } from 'vitest';
import { hitEndpoints } from './lib/api';
import { count, readSiteKey, siteUrl } from './lib/wp';

type Answer = { status: number; body: any };

let siteKey = '';
beforeAll(() => {
  siteKey = readSiteKey();
});

async function post(url: string, body: string | Uint8Array): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body as BodyInit });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

const rows = () => ['visitors', 'sessions', 'hits'].map((table) => count(table));

function valid(extra: Record<string, unknown> = {}) {
  return { site_key: siteKey, url: `${siteUrl()}/leadtrail-demo/`, referrer: '', title: 'Demo', ...extra };
}

for (const [name, endpoint] of Object.entries(hitEndpoints)) {
  describe(`${name} endpoint`, () => {
    it('accepts a valid hit, then a returning visitor with its token', async () => {
      const first = await post(endpoint(), JSON.stringify(valid()));
      expect(first.status).toBe(200);
      expect(first.body.success).toBe(true);
      const { visitor_id, token } = first.body.result;
      const second = await post(endpoint(), JSON.stringify(valid({ visitor_id, token })));
      expect(second.status).toBe(200);
      expect(second.body.result.visitor_id).toBe(visitor_id);
      expect(second.body.result.session_id).toBe(first.body.result.session_id);
    });

    describe('forged identity', () => {
      let visitor: { visitor_id: number; token: string };
      let other: { visitor_id: number; token: string };
      beforeAll(async () => {
        visitor = (await post(endpoint(), JSON.stringify(valid()))).body.result;
        other = (await post(endpoint(), JSON.stringify(valid()))).body.result;
      });

      const cases: Array<[string, () => Record<string, unknown>, number, string, string]> = [
        [
          'a made-up token',
          () => ({ visitor_id: visitor.visitor_id, token: `${visitor.visitor_id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` }),
          403,
          'invalid_token',
          'token',
        ],
        [
          'a tampered token',
          () => ({ visitor_id: visitor.visitor_id, token: visitor.token.slice(0, -2) + (visitor.token.endsWith('AA') ? 'BB' : 'AA') }),
          403,
          'invalid_token',
          'token',
        ],
        ["another visitor's id with a token", () => ({ visitor_id: other.visitor_id, token: visitor.token }), 403, 'invalid_token', 'token'],
        ['a token without visitor_id', () => ({ token: visitor.token }), 400, 'missing_visitor_id', 'visitor_id'],
        ['a visitor_id without token', () => ({ visitor_id: visitor.visitor_id }), 400, 'missing_token', 'token'],
      ];
      for (const [label, extra, status, code, field] of cases) {
        it(`refuses ${label} and creates nothing`, async () => {
          const before = rows();
          const answer = await post(endpoint(), JSON.stringify(valid(extra())));
          expect(answer.status).toBe(status);
          expect(answer.body).toMatchObject({ success: false, result: { code, field } });
          expect(rows()).toEqual(before);
        });
      }
    });

    describe('malformed payloads get a 400 naming the field and create no rows', () => {
      const cases: Array<[string, () => string | Uint8Array, string, string]> = [
        ['garbage JSON', () => '{"site_key": "x", url', 'invalid_json', 'body'],
        ['a JSON array', () => '[1,2,3]', 'invalid_json', 'body'],
        ['no site_key', () => JSON.stringify({ url: `${siteUrl()}/` }), 'missing_site_key', 'site_key'],
        ['a numeric site_key', () => JSON.stringify(valid({ site_key: 12345 })), 'invalid_site_key', 'site_key'],
        ['no url', () => JSON.stringify({ site_key: siteKey }), 'missing_url', 'url'],
        ['url of the wrong type', () => JSON.stringify(valid({ url: ['http://x/'] })), 'invalid_url', 'url'],
        ['url that is not http(s)', () => JSON.stringify(valid({ url: 'javascript:alert(1)' })), 'invalid_url', 'url'],
        ['a huge url', () => JSON.stringify(valid({ url: `${siteUrl()}/?q=${'x'.repeat(5000)}` })), 'invalid_url', 'url'],
        ['a huge title', () => JSON.stringify(valid({ title: 'T'.repeat(100_000) })), 'invalid_title', 'title'],
        ['a huge referrer', () => JSON.stringify(valid({ referrer: `https://r.example/${'r'.repeat(3000)}` })), 'invalid_referrer', 'referrer'],
        ['a title of the wrong type', () => JSON.stringify(valid({ title: { a: 1 } })), 'invalid_title', 'title'],
        ['visitor_id as a string', () => JSON.stringify(valid({ visitor_id: '12', token: 'x' })), 'invalid_visitor_id', 'visitor_id'],
        ['a negative visitor_id', () => JSON.stringify(valid({ visitor_id: -3, token: 'x' })), 'invalid_visitor_id', 'visitor_id'],
        [
          'invalid UTF-8 in the title',
          () => {
            const [head, tail] = JSON.stringify(valid({ title: 'A@@B' })).split('@@');
            const encode = (text = '') => [...new TextEncoder().encode(text)];
            return new Uint8Array([...encode(head), 0xc3, 0x28, ...encode(tail)]);
          },
          'invalid_title',
          'title',
        ],
      ];
      for (const [label, body, code, field] of cases) {
        it(label, async () => {
          const before = rows();
          const answer = await post(endpoint(), body());
          expect(answer.status).toBe(400);
          expect(answer.body).toMatchObject({ success: false, result: { code, field } });
          expect(typeof answer.body.result.message).toBe('string');
          expect(rows()).toEqual(before);
        });
      }
    });

    it('refuses an unknown site key with 403', async () => {
      const before = rows();
      const answer = await post(endpoint(), JSON.stringify(valid({ site_key: 'Z'.repeat(32) })));
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ success: false, result: { code: 'unknown_site_key', field: 'site_key' } });
      expect(rows()).toEqual(before);
    });

    it('refuses a body over the size limit with 413, not a 500', async () => {
      const answer = await post(endpoint(), JSON.stringify(valid({ title: 'x'.repeat(2 * 1024 * 1024) })));
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ success: false, result: { code: 'payload_too_large', field: 'body' } });
    });
  });
}
