/** @jsxRuntime classic */
/** @jsx createElement */
/** @jsxFrag Fragment */
// The classic runtime: WordPress before 6.6 has no react-jsx-runtime script.
import { Fragment, createElement, useState } from '@wordpress/element';
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { downloadCsv } from './csv.js';

const compare = (key, direction) => (a, b) => {
	const x = a[key];
	const y = b[key];
	const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
	return direction === 'asc' ? order : -order;
};

// A sortable table (click a column's header) with its CSV export. `actions(row)` adds
// buttons to a row's first cell (the channels' drill-down).
export default function DataTable({ name, caption, columns, rows, actions }) {
	const [sort, setSort] = useState({ key: null, direction: 'desc' });
	const sorted = sort.key ? [...rows].sort(compare(sort.key, sort.direction)) : rows;
	const toggle = (key) => setSort((current) => ({ key, direction: current.key === key && current.direction === 'desc' ? 'asc' : 'desc' }));
	const ariaSort = (key) => {
		if (sort.key !== key) {
			return 'none';
		}
		return sort.direction === 'asc' ? 'ascending' : 'descending';
	};
	return (
		<div className="leadtrail-table" data-table={name}>
			<table className="widefat striped">
				<caption>{caption}</caption>
				<thead>
					<tr>
						{columns.map((column) => (
							<th key={column.key} scope="col" aria-sort={ariaSort(column.key)}>
								<button type="button" className="button-link" onClick={() => toggle(column.key)}>
									{column.label}
								</button>
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{sorted.map((row, index) => (
						<tr key={index}>
							{columns.map((column, position) => (
								<td key={column.key} data-column={column.key}>
									{column.format ? column.format(row[column.key]) : row[column.key]}
									{position === 0 && actions ? actions(row) : null}
								</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
			<Button variant="secondary" className="leadtrail-csv" onClick={() => downloadCsv(`leadtrail-${name}.csv`, columns, sorted)}>
				{__('Download CSV', 'leadtrail')}
			</Button>
		</div>
	);
}
