import type { NetworkRecord } from '../messages/tab-log';
import { decodeOfflineMessage, decodeVisitorInfo, isOfflineMessagePath, isVisitorInfoPath, labelWith } from './documented-endpoints';
import type { DecodedRequest, TrackingProvider } from './provider';
import { allParams, bodyParams } from './request-params';

// LeadTrail's own endpoints (docs/contracts.md): the lean hit endpoint `<plugin url>/collect.php`
// and the REST routes under `/wp-json/leadtrail/v1/` (or `?rest_route=/leadtrail/v1/…` on sites
// without pretty permalinks).

const COLLECT_PATH = /\/leadtrail\/collect\.php$/;
const REST_PREFIX = '/wp-json/leadtrail/v1/';
const REST_ROUTE_PREFIX = '/leadtrail/v1/';

const HIT_LABELS: Record<string, string> = {
  site_key: 'site key',
  url: 'page',
  referrer: 'referrer',
  title: 'page title',
  visitor_id: 'visitor id',
  token: 'visitor token',
};

/** The route under `leadtrail/v1/`, or undefined for any other address. */
function restRoute(url: URL): string | undefined {
  const at = url.pathname.indexOf(REST_PREFIX);
  if (at >= 0) return url.pathname.slice(at + REST_PREFIX.length);
  const route = url.searchParams.get('rest_route');
  return route?.startsWith(REST_ROUTE_PREFIX) ? route.slice(REST_ROUTE_PREFIX.length) : undefined;
}

function decode(request: NetworkRecord, url: URL): DecodedRequest {
  const provider = 'LeadTrail';
  if (COLLECT_PATH.test(url.pathname)) {
    return { provider, title: 'Page-view hit', fields: bodyParams(request).map(labelWith(HIT_LABELS)) };
  }
  const route = restRoute(url) ?? '';
  const params = allParams(request, url).filter(([name]) => name !== 'rest_route');
  const path = `/${route}`;
  if (route === 'hit') {
    return { provider, title: 'Page-view hit (REST fallback)', fields: params.map(labelWith(HIT_LABELS)) };
  }
  if (isOfflineMessagePath(path)) return { provider, ...decodeOfflineMessage(params) };
  if (isVisitorInfoPath(path)) return { provider, ...decodeVisitorInfo(params) };
  return { provider, title: `REST ${route}`, fields: params.map(([name, value]) => ({ name, value })) };
}

export const leadtrailProvider: TrackingProvider = {
  name: 'LeadTrail',
  urlPatterns: ['*://*/*/leadtrail/collect.php*', '*://*/*wp-json/leadtrail/v1/*', '*://*/*rest_route=*'],
  matches: (url) => COLLECT_PATH.test(url.pathname) || restRoute(url) !== undefined,
  decode,
};
