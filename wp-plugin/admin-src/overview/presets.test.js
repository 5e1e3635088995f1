import { describe, expect, it } from 'vitest';
import { presetRange } from './presets.js';

describe('presetRange', () => {
	it("counts back from the site's today, today included", () => {
		expect(presetRange('7', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
		expect(presetRange('today', '2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
		expect(presetRange('yesterday', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
	});

	it('takes whole calendar months', () => {
		expect(presetRange('this-month', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
		expect(presetRange('last-month', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
		expect(presetRange('last-month', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
	});
});
