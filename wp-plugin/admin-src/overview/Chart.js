/** @jsxRuntime classic */
/** @jsx createElement */
/** @jsxFrag Fragment */
// The classic runtime: WordPress before 6.6 has no react-jsx-runtime script.
import { Fragment, createElement, useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import DataTable from './DataTable.js';

const toSeconds = (at) => Date.parse(`${at.length === 10 ? `${at}T00:00` : at.replace(' ', 'T')}:00Z`) / 1000;

// Sessions and leads per day (or hour), drawn by uPlot, with the same numbers as a table
// for screen readers and for CSV.
export default function Chart({ chart }) {
	const box = useRef(null);
	useEffect(() => {
		if (!box.current) {
			return undefined;
		}
		const data = [chart.points.map((point) => toSeconds(point.at)), chart.points.map((point) => point.sessions), chart.points.map((point) => point.leads)];
		const plot = new uPlot(
			{
				width: Math.max(320, box.current.clientWidth),
				height: 260,
				tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
				series: [
					{},
					{ label: __('Sessions', 'leadtrail'), stroke: '#2271b1', width: 2 },
					{ label: __('Leads', 'leadtrail'), stroke: '#d63638', width: 2, scale: 'leads' },
				],
				axes: [{}, {}, { scale: 'leads', side: 1, grid: { show: false } }],
			},
			data,
			box.current,
		);
		return () => plot.destroy();
	}, [chart]);
	const columns = [
		{ key: 'at', label: chart.unit === 'hour' ? __('Hour', 'leadtrail') : __('Day', 'leadtrail') },
		{ key: 'sessions', label: __('Sessions', 'leadtrail') },
		{ key: 'leads', label: __('Leads', 'leadtrail') },
	];
	return (
		<div className="leadtrail-chart">
			<div ref={box} aria-hidden="true" />
			<details>
				<summary>{__('The chart as a table', 'leadtrail')}</summary>
				<DataTable name="chart" caption={__('Sessions and leads', 'leadtrail')} columns={columns} rows={chart.points} />
			</details>
		</div>
	);
}
