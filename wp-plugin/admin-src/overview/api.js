import apiFetch from '@wordpress/api-fetch';

export const fetchReport = (name, query) => apiFetch({ path: `/leadtrail/v1/reports/${name}?${new URLSearchParams(query).toString()}` });

export const rebuildStep = (restart) => apiFetch({ path: '/leadtrail/v1/reports/rebuild', method: 'POST', data: { restart: restart ? '1' : '0' } });
