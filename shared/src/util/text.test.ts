import { describe, expect, it } from 'vitest';
import { clip, slash } from './text';

describe('clip', () => {
  it('keeps short text and cuts long text', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 4)).toBe('abcd');
  });
  it('never leaves half a surrogate pair', () => {
    const s = 'ab😀cd'; // the emoji is units 2 and 3
    expect(clip(s, 3)).toBe('ab');
    expect(clip(s, 4)).toBe('ab😀');
    expect(() => encodeURIComponent(clip(s, 3))).not.toThrow();
  });
});

describe('slash', () => {
  it('ends a URL with exactly one slash', () => {
    expect(slash('https://a/wp-json/leadtrail/v1')).toBe('https://a/wp-json/leadtrail/v1/');
    expect(slash('https://a/x/')).toBe('https://a/x/');
    expect(slash('https://a/x//')).toBe('https://a/x/');
  });
});
