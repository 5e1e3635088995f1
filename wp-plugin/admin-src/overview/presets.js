// The date presets of the overview, computed from the site's "today" (YYYY-MM-DD) so the
// browser's own time zone never shifts a day.
const DAY = 86400000;

const parse = (day) => new Date(`${day}T12:00:00Z`);
const format = (date) => date.toISOString().slice(0, 10);
const shift = (day, days) => format(new Date(parse(day).getTime() + days * DAY));

export const PRESETS = ['today', 'yesterday', '7', '30', '90', 'this-month', 'last-month', 'custom'];

export function presetRange(preset, today) {
	switch (preset) {
		case 'today':
			return { from: today, to: today };
		case 'yesterday':
			return { from: shift(today, -1), to: shift(today, -1) };
		case 'this-month':
			return { from: `${today.slice(0, 7)}-01`, to: today };
		case 'last-month': {
			const end = shift(`${today.slice(0, 7)}-01`, -1);
			return { from: `${end.slice(0, 7)}-01`, to: end };
		}
		default:
			return { from: shift(today, 1 - Number(preset)), to: today };
	}
}
