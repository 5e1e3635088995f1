import { describe, expect, it } from 'vitest';
import { formatArgs, formatPlain, formatValue } from './format-value';

describe('formatValue', () => {
  it('writes values the way the page wrote them', () => {
    expect(formatArgs(['Offer', 'DownloadBook', 'CallTrackingBook'])).toBe("'Offer', 'DownloadBook', 'CallTrackingBook'");
    expect(formatValue({ name: 'Ann', 'form-name': 'O\'Hara "x"', n: [1, null, true] })).toBe(
      "{name: 'Ann', 'form-name': 'O\\'Hara \"x\"', n: [1, null, true]}",
    );
    expect(formatValue({})).toBe('{}');
  });

  it('spells out the tags of values JSON cannot hold', () => {
    expect(
      formatArgs([
        { $lt: 'undefined' },
        { $lt: 'function', name: 'callback' },
        { $lt: 'cycle' },
        { $lt: 'more', count: 3 },
        { $lt: 'error', text: 'TypeError: x' },
        { $lt: 'unreadable', text: 'Error: boom' },
        { $lt: 'bigint', text: '12' },
      ]),
    ).toBe('undefined, ƒ callback(), [Circular], … 3 more, TypeError: x, [unreadable: Error: boom], 12n');
  });

  it("leaves markup as text: rendering it is Preact's job, as text", () => {
    expect(formatPlain('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
