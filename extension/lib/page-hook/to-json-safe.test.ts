import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../testing/page-window';
import { toJsonSafe } from './to-json-safe';

describe('toJsonSafe', () => {
  it('keeps JSON as is and tags what JSON cannot hold', () => {
    expect(toJsonSafe({ a: [1, 'x', true, null] })).toEqual({ a: [1, 'x', true, null] });
    expect(toJsonSafe([undefined, Number.NaN, -Infinity, 10n, Symbol('s'), function named() {}])).toEqual([
      { $lt: 'undefined' },
      { $lt: 'number', text: 'NaN' },
      { $lt: 'number', text: '-Infinity' },
      { $lt: 'bigint', text: '10' },
      { $lt: 'symbol', text: 's' },
      { $lt: 'function', name: 'named' },
    ]);
    expect(toJsonSafe(new RangeError('bad'))).toEqual({ $lt: 'error', text: 'RangeError: bad' });
    expect(toJsonSafe(new Date(0))).toEqual({ $lt: 'date', text: '1970-01-01T00:00:00.000Z' });
    expect(toJsonSafe(Promise.resolve(1))).toEqual({ $lt: 'promise' });
  });

  it('survives cycles, deep nesting, huge values and hostile getters', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(toJsonSafe(cyclic)).toEqual({ name: 'loop', self: { $lt: 'cycle' } });

    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    expect(JSON.stringify(toJsonSafe(deep))).toContain('"$lt":"deep"');

    const long = toJsonSafe('x'.repeat(5000));
    expect(typeof long === 'string' && long.length).toBe(2001);
    const many = toJsonSafe(Array.from({ length: 60 }, (_, i) => i));
    expect(Array.isArray(many) && many.at(-1)).toEqual({ $lt: 'more', count: 10 });

    const hostile = {
      ok: 1,
      get bad(): unknown {
        throw new Error('boom');
      },
    };
    expect(toJsonSafe(hostile)).toEqual({ ok: 1, bad: { $lt: 'unreadable', text: 'Error: boom' } });
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    expect(toJsonSafe(trap)).toEqual({ $lt: 'unreadable', text: 'Error: no keys' });
  });

  it('names DOM nodes instead of walking them', async () => {
    const win = pageWindow();
    const form = win.document.createElement('form');
    form.id = 'lead';
    expect(toJsonSafe(form)).toEqual({ $lt: 'node', text: '<form#lead>' });
    await win.happyDOM.close();
  });
});
