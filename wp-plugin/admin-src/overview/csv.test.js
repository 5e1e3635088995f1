import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
	const columns = [
		{ key: 'source', label: 'Source' },
		{ key: 'leads', label: 'Leads' },
	];

	it('writes the labels, then the rows, quoting what needs it', () => {
		expect(
			toCsv(columns, [
				{ source: 'a,"b"', leads: 3 },
				{ source: '', leads: 0 },
			]),
		).toBe('Source,Leads\r\n"a,""b""",3\r\n,0\r\n');
	});

	it('keeps a spreadsheet from running a text as a formula, but not a negative number', () => {
		expect(toCsv(columns, [{ source: '=HYPERLINK("x")', leads: -1 }])).toBe('Source,Leads\r\n"\'=HYPERLINK(""x"")",-1\r\n');
	});
});
