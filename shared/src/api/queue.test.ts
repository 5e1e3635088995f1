import { describe, expect, it, vi } from 'vitest';
import { createQueue } from './queue';

function setup() {
  const log: string[] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) =>
      log.push([name, ...args].join(':'));
  const q = createQueue({ setCsAccount: rec('setCsAccount') }, { a: rec('a'), b: rec('b') });
  return { q, log };
}

describe('the __cs queue', () => {
  it('applies config commands at once and holds the others until open, in order', () => {
    const { q, log } = setup();
    q.push(['a', 1]);
    q.push(['setCsAccount', 'K']);
    q.push(['b', 2]);
    expect(log).toEqual(['setCsAccount:K']);
    q.open();
    expect(log).toEqual(['setCsAccount:K', 'a:1', 'b:2']);
  });

  it('runs commands at once after open', () => {
    const { q, log } = setup();
    q.open();
    q.push(['b', 'x', 'y']);
    expect(log).toEqual(['b:x:y']);
  });

  it('keeps the order when a waiting command pushes another', () => {
    const log: string[] = [];
    const q = createQueue(
      {},
      {
        first: () => {
          log.push('first');
          q.push(['third']);
        },
        second: () => log.push('second'),
        third: () => log.push('third'),
      },
    );
    q.push(['first']);
    q.push(['second']);
    q.open();
    expect(log).toEqual(['first', 'second', 'third']);
  });

  it('warns once per unknown name, never throws, and ignores it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { q, log } = setup();
    expect(() => {
      q.push(['nope', 1]);
      q.push(['nope', 2]);
      q.push(['other']);
      q.push(['toString']); // not a command, even though every object has one
    }).not.toThrow();
    q.open();
    expect(log).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.map((c) => c[1])).toEqual([
      'unknown __cs command "nope" ignored.',
      'unknown __cs command "other" ignored.',
      'unknown __cs command "toString" ignored.',
    ]);
  });

  it('warns about malformed commands without throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { q } = setup();
    expect(() => {
      q.push('a');
      q.push(null);
      q.push([1]);
    }).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('reports a failing command on the console and goes on with the next', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log: string[] = [];
    const q = createQueue(
      {},
      {
        bad: () => {
          throw new Error('boom');
        },
        good: () => log.push('good'),
      },
    );
    q.push(['bad']);
    q.push(['good']);
    expect(() => q.open()).not.toThrow();
    expect(log).toEqual(['good']);
    expect(err).toHaveBeenCalledTimes(1);
    expect(String(err.mock.calls[0]![1])).toContain('"bad"');
  });
});
