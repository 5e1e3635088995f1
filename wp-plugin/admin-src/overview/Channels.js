/** @jsxRuntime classic */
/** @jsx createElement */
/** @jsxFrag Fragment */
// The classic runtime: WordPress before 6.6 has no react-jsx-runtime script.
import { Fragment, createElement, useEffect, useState } from '@wordpress/element';
import { Button, Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import DataTable from './DataTable.js';
import { campaignColumns, channelColumns, leadColumns } from './columns.js';
import { fetchReport } from './api.js';

// The channels table; a row's buttons open its campaigns and its leads below it.
export default function Channels({ query, rows }) {
	const [open, setOpen] = useState(null);
	const [detail, setDetail] = useState(null);
	const [problem, setProblem] = useState(null);
	useEffect(() => setOpen(null), [query]);
	useEffect(() => {
		if (!open) {
			setDetail(null);
			return;
		}
		// As the overview's: an answer for a row or range no longer open is dropped.
		let current = true;
		const filter = { source: open.row.source, medium: open.row.medium };
		setDetail(null);
		setProblem(null);
		fetchReport(open.view === 'campaigns' ? 'channels' : 'leads', { ...query, ...filter })
			.then((answer) => current && setDetail(answer.rows))
			.catch((failure) => current && setProblem(failure.message ?? String(failure)));
		return () => {
			current = false;
		};
	}, [open, query]);
	const actions = (row) => (
		<span className="leadtrail-drill">
			<Button variant="link" onClick={() => setOpen({ row, view: 'campaigns' })}>
				{__('Campaigns', 'leadtrail')}
			</Button>
			<Button variant="link" onClick={() => setOpen({ row, view: 'leads' })}>
				{__('Leads', 'leadtrail')}
			</Button>
		</span>
	);
	const title = open ? `${open.row.source} / ${open.row.medium}` : '';
	return (
		<>
			<DataTable name="channels" caption={__('Channels', 'leadtrail')} columns={channelColumns()} rows={rows} actions={actions} />
			{open ? (
				<div className="leadtrail-drilldown">
					<h3>{open.view === 'campaigns' ? sprintf(__('Campaigns of %s', 'leadtrail'), title) : sprintf(__('Leads of %s', 'leadtrail'), title)}</h3>
					<Button variant="secondary" onClick={() => setOpen(null)}>
						{__('Close', 'leadtrail')}
					</Button>
					{problem ? (
						<Notice status="error" isDismissible={false}>
							{problem}
						</Notice>
					) : detail === null ? (
						<Spinner />
					) : (
						<DataTable
							name={open.view === 'campaigns' ? 'campaigns' : 'leads'}
							caption={title}
							columns={open.view === 'campaigns' ? campaignColumns() : leadColumns()}
							rows={detail}
						/>
					)}
				</div>
			) : null}
		</>
	);
}
