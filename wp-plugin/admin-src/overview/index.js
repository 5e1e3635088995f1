/** @jsxRuntime classic */
/** @jsx createElement */
/** @jsxFrag Fragment */
// The classic runtime: WordPress before 6.6 has no react-jsx-runtime script.
import { Fragment, createElement, createRoot, render, useEffect, useState } from '@wordpress/element';
import { Button, Notice, SelectControl, Spinner, TextControl, ToggleControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { PRESETS, presetRange } from './presets.js';
import { fetchReport, rebuildStep } from './api.js';
import Totals from './Totals.js';
import Chart from './Chart.js';
import Channels from './Channels.js';
import DataTable from './DataTable.js';
import { eventColumns, pageColumns } from './columns.js';
import './overview.css';

const settings = window.leadtrailOverview;

const presetLabels = () => ({
	today: __('Today', 'leadtrail'),
	yesterday: __('Yesterday', 'leadtrail'),
	7: __('Last 7 days', 'leadtrail'),
	30: __('Last 30 days', 'leadtrail'),
	90: __('Last 90 days', 'leadtrail'),
	'this-month': __('This month', 'leadtrail'),
	'last-month': __('Last month', 'leadtrail'),
	custom: __('Custom', 'leadtrail'),
});

function EmptyState() {
	return (
		<Notice status="info" isDismissible={false} className="leadtrail-empty">
			<p>{__('No visits or leads in this period yet.', 'leadtrail')}</p>
			<p>
				{__(
					'LeadTrail counts visits as soon as it is active: open any page of your site in a browser, then come back. Leads come from your forms, callback orders and calls; the Settings page tells how to connect them.',
					'leadtrail',
				)}{' '}
				<a href={settings.settingsUrl}>{__('Open the settings', 'leadtrail')}</a>
			</p>
		</Notice>
	);
}

function Rebuild({ onDone }) {
	const [progress, setProgress] = useState(null);
	const run = async () => {
		let step = await rebuildStep(true);
		setProgress(step);
		while (!step.finished) {
			step = await rebuildStep(false);
			setProgress(step);
		}
		onDone();
	};
	return (
		<p className="leadtrail-rebuild">
			<Button variant="tertiary" onClick={run} disabled={progress !== null && !progress.finished}>
				{__('Rebuild the reports', 'leadtrail')}
			</Button>
			{progress ? <span role="status">{sprintf(__('%1$d of %2$d days', 'leadtrail'), progress.done, progress.total)}</span> : null}
		</p>
	);
}

function Overview() {
	const [preset, setPreset] = useState('30');
	const [custom, setCustom] = useState(presetRange('30', settings.today));
	const [compare, setCompare] = useState(false);
	const [touch, setTouch] = useState('last');
	const [data, setData] = useState(null);
	const [error, setError] = useState(null);
	const [version, setVersion] = useState(0);
	const range = preset === 'custom' ? custom : presetRange(preset, settings.today);
	const query = { from: range.from, to: range.to, touch };
	const key = JSON.stringify([query, compare, version]);

	useEffect(() => {
		// Answers can come out of order (a longer range is slower): one for a range no longer
		// chosen is dropped.
		let current = true;
		setData(null);
		setError(null);
		Promise.all([
			fetchReport('overview', { ...query, compare: compare ? '1' : '0' }),
			fetchReport('channels', query),
			fetchReport('pages', query),
			fetchReport('events', query),
		])
			.then(([overview, channels, pages, events]) => current && setData({ overview, channels: channels.rows, pages: pages.rows, events: events.rows }))
			.catch((problem) => current && setError(problem.message ?? String(problem)));
		return () => {
			current = false;
		};
	}, [key]); // eslint-disable-line react-hooks/exhaustive-deps

	const labels = presetLabels();
	const empty = data && data.overview.totals.sessions === 0 && data.overview.totals.leads === 0;
	return (
		<div className="leadtrail-overview">
			<div className="leadtrail-controls">
				<SelectControl
					label={__('Period', 'leadtrail')}
					value={preset}
					options={PRESETS.map((value) => ({ value, label: labels[value] }))}
					onChange={setPreset}
					__nextHasNoMarginBottom
				/>
				{preset === 'custom' ? (
					<>
						<TextControl
							type="date"
							label={__('From', 'leadtrail')}
							value={custom.from}
							max={settings.today}
							onChange={(from) => setCustom({ ...custom, from })}
							__nextHasNoMarginBottom
						/>
						<TextControl
							type="date"
							label={__('To', 'leadtrail')}
							value={custom.to}
							max={settings.today}
							onChange={(to) => setCustom({ ...custom, to })}
							__nextHasNoMarginBottom
						/>
					</>
				) : null}
				<ToggleControl label={__('Compare with the previous period', 'leadtrail')} checked={compare} onChange={setCompare} __nextHasNoMarginBottom />
				<SelectControl
					label={__('Attribution', 'leadtrail')}
					value={touch}
					options={[
						{ value: 'last', label: __('Last touch (the session of the lead)', 'leadtrail') },
						{ value: 'first', label: __('First touch (the visitor’s first session)', 'leadtrail') },
					]}
					onChange={setTouch}
					__nextHasNoMarginBottom
				/>
			</div>
			<p className="leadtrail-range">{sprintf(__('%1$s to %2$s', 'leadtrail'), range.from, range.to)}</p>
			{error ? (
				<Notice status="error" isDismissible={false}>
					{error}
				</Notice>
			) : null}
			{!data && !error ? <Spinner /> : null}
			{data && empty ? <EmptyState /> : null}
			{data && !empty ? (
				<>
					<Totals totals={data.overview.totals} previous={data.overview.previous?.totals} />
					<Chart chart={data.overview.chart} />
					<h2>{__('Channels', 'leadtrail')}</h2>
					<Channels query={query} rows={data.channels} />
					<h2>{__('Landing pages', 'leadtrail')}</h2>
					<DataTable name="pages" caption={__('Landing pages', 'leadtrail')} columns={pageColumns()} rows={data.pages} />
					<h2>{__('Events', 'leadtrail')}</h2>
					<DataTable name="events" caption={__('Events', 'leadtrail')} columns={eventColumns()} rows={data.events} />
				</>
			) : null}
			{settings.canRebuild ? <Rebuild onDone={() => setVersion(version + 1)} /> : null}
		</div>
	);
}

const root = document.getElementById('leadtrail-overview');
if (root && createRoot) {
	createRoot(root).render(<Overview />);
} else if (root) {
	// WordPress before 6.2 ships React 17, without createRoot.
	render(<Overview />, root);
}
