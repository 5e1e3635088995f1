import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readRequestBody } from './read-request-body';

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

describe('readRequestBody', () => {
  it('takes form fields as the browser parsed them, every value of a repeated key', () => {
    expect(readRequestBody({ formData: { name: ['Анна'], tag: ['a', 'b'] } as never })).toEqual({
      kind: 'form',
      fields: [
        ['name', 'Анна'],
        ['tag', 'a'],
        ['tag', 'b'],
      ],
    });
  });

  it("joins a raw body's parts as UTF-8 text (JSON fetches, beacons)", () => {
    expect(readRequestBody({ raw: [{ bytes: bytes('{"name":"Ан') }, { file: '/tmp/x' }, { bytes: bytes('на"}') }] })).toEqual({
      kind: 'text',
      text: '{"name":"Анна"}',
      truncated: false,
    });
  });

  it('cuts a huge body and says so', () => {
    const body = readRequestBody({ raw: [{ bytes: bytes('x'.repeat(MAX_BODY_BYTES + 10)) }] });
    expect(body?.kind === 'text' && [body.text.length, body.truncated]).toEqual([MAX_BODY_BYTES, true]);
  });

  it('reports what the browser could not read, and no body as none', () => {
    expect(readRequestBody({ error: 'Unknown error' })).toEqual({
      kind: 'text',
      text: '(the browser could not read the body: Unknown error)',
      truncated: false,
    });
    expect(readRequestBody(undefined)).toBeUndefined();
  });
});
