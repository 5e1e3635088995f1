// CSV of a table as shown: one header row of the column labels, then the rows. A cell a
// spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with a quote.
const cell = (value) => {
	let text = value === null || value === undefined ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
		text = `'${text}`;
	}
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(columns, rows) {
	const lines = [columns.map((column) => cell(column.label))];
	for (const row of rows) {
		lines.push(columns.map((column) => cell(row[column.key])));
	}
	return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(name, columns, rows) {
	const blob = new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = name;
	document.body.appendChild(link);
	link.click();
	link.remove();
	URL.revokeObjectURL(link.href);
}
