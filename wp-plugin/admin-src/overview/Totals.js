/** @jsxRuntime classic */
/** @jsx createElement */
/** @jsxFrag Fragment */
// The classic runtime: WordPress before 6.6 has no react-jsx-runtime script.
import { createElement, Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

export const TOTALS = [
	['visitors', __('Visitors', 'leadtrail')],
	['sessions', __('Sessions', 'leadtrail')],
	['pageviews', __('Page views', 'leadtrail')],
	['leads', __('Leads', 'leadtrail')],
	['requests', __('Requests', 'leadtrail')],
	['callbacks', __('Callback orders', 'leadtrail')],
	['calls', __('Calls', 'leadtrail')],
	['chats', __('Chats', 'leadtrail')],
	['conversion', __('Conversion (%)', 'leadtrail')],
	['sales', __('Sales', 'leadtrail')],
	['revenue', __('Revenue', 'leadtrail')],
];

const change = (now, before) => {
	if (before === 0) {
		return now === 0 ? '0%' : '—';
	}
	const percent = Math.round((1000 * (now - before)) / before) / 10;
	return `${percent > 0 ? '+' : ''}${percent}%`;
};

// The range's totals, each with its change against the previous period when compared.
export default function Totals({ totals, previous }) {
	return (
		<ul className="leadtrail-totals">
			{TOTALS.map(([key, label]) => (
				<li key={key} data-total={key}>
					<span className="leadtrail-total-label">{label}</span>
					<strong className="leadtrail-total-value">{totals[key]}</strong>
					{previous ? (
						<span className="leadtrail-total-change" title={sprintf(__('Previous period: %s', 'leadtrail'), previous[key])}>
							{change(totals[key], previous[key])}
						</span>
					) : null}
				</li>
			))}
		</ul>
	);
}
