import { __ } from '@wordpress/i18n';

const numbers = () => [
	{ key: 'sessions', label: __('Sessions', 'leadtrail') },
	{ key: 'leads', label: __('Leads', 'leadtrail') },
	{ key: 'conversion', label: __('Conversion (%)', 'leadtrail') },
	{ key: 'sales', label: __('Sales', 'leadtrail') },
	{ key: 'revenue', label: __('Revenue', 'leadtrail') },
];

export const channelColumns = () => [{ key: 'source', label: __('Source', 'leadtrail') }, { key: 'medium', label: __('Medium', 'leadtrail') }, ...numbers()];

export const campaignColumns = () => [{ key: 'campaign', label: __('Campaign', 'leadtrail') }, ...numbers()];

export const pageColumns = () => [
	{ key: 'page', label: __('Landing page', 'leadtrail') },
	{ key: 'sessions', label: __('Sessions', 'leadtrail') },
	{ key: 'pageviews', label: __('Page views', 'leadtrail') },
	{ key: 'leads', label: __('Leads', 'leadtrail') },
	{ key: 'sales', label: __('Sales', 'leadtrail') },
	{ key: 'revenue', label: __('Revenue', 'leadtrail') },
];

export const eventColumns = () => [
	{ key: 'category', label: __('Category', 'leadtrail') },
	{ key: 'action', label: __('Action', 'leadtrail') },
	{ key: 'events', label: __('Events', 'leadtrail') },
	{ key: 'sessions', label: __('Sessions', 'leadtrail') },
	{ key: 'leads', label: __('Leads of these sessions', 'leadtrail') },
];

export const leadColumns = () => [
	{ key: 'created_at', label: __('Time', 'leadtrail') },
	{ key: 'kind', label: __('Kind', 'leadtrail') },
	{ key: 'contact', label: __('Contact', 'leadtrail') },
	{ key: 'campaign', label: __('Campaign', 'leadtrail') },
	{ key: 'page', label: __('Page', 'leadtrail') },
	{ key: 'sale_cost', label: __('Sale', 'leadtrail') },
];
