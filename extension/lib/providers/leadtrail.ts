import type { NetworkRecord } from '../messages/tab-log';
import { decodeOfflineMessage, decodeVisitorInfo, describeFields, isOfflineMessagePath, isVisitorInfoPath } from './documented-endpoints';
import type { DecodedRequest, TrackingProvider } from './provider';
import { allParams } from './request-params';
import type { Param } from './request-params';

// LeadTrail's own endpoints (docs/contracts.md): the lean endpoint `<plugin url>/collect.php` (the
// hit, and the visitor calls as `?op=…`), their REST fallbacks under `/wp-json/leadtrail/v1/` (or
// `?rest_route=/leadtrail/v1/…` on sites without pretty permalinks), and the documented endpoints
// under `consultant_server_url`: `<plugin url>/server/`, whose folders hand over to the lean endpoint
// (sites may still call the REST base, which was `consultant_server_url` before).

const COLLECT_PATH = /\/leadtrail\/collect\.php$/;
const SERVER_PATH = /\/leadtrail\/server\/(api\/add_offline_message|vc\/s)(\/(index\.php)?)?$/;
const REST_PREFIX = '/wp-json/leadtrail/v1/';
const REST_ROUTE_PREFIX = '/leadtrail/v1/';

// In the order of the hit's contract.
const HIT_LABELS: Record<string, string> = {
  site_key: 'site key',
  url: 'page',
  referrer: 'referrer',
  title: 'page title',
  visitor_id: 'visitor id',
  token: 'visitor token',
};

// The operation's own fields first, then the identity every call carries.
const CALL_LABELS: Record<string, string> = {
  category: 'category',
  action: 'action',
  name: 'name',
  value: 'value',
  phone: 'phone',
  email: 'email',
  visitor_id: 'visitor id',
  session_id: 'session id',
  hit_id: 'hit id',
  token: 'visitor token',
  request_id: 'idempotency key',
};

/** The visitor calls: `?op=` on the lean endpoint, and the REST route of each. */
const CALLS: { op: string; route: string; title: string }[] = [
  { op: 'event', route: 'event', title: 'Event (A1)' },
  { op: 'visitor_info', route: 'visitor-info', title: 'Visitor info (A14)' },
  { op: 'property_set', route: 'property/set', title: 'Set property (A16)' },
  { op: 'property_delete', route: 'property/delete', title: 'Delete property (A19)' },
  { op: 'property_has', route: 'property/has', title: 'Has property (A17)' },
  { op: 'property_get', route: 'property/get', title: 'Get property (A18)' },
  { op: 'properties', route: 'properties', title: "List properties (the inspector's read)" },
  { op: 'request', route: 'request', title: 'Offline request (A4)' },
  { op: 'callback', route: 'callback', title: 'Callback order (A10)' },
  { op: 'captcha', route: 'captcha', title: 'Captcha (A8)' },
  { op: 'captcha_image', route: 'captcha/image', title: 'Captcha picture' },
  { op: 'groups', route: 'groups', title: 'Employee groups' },
  { op: 'callback_settings', route: 'callback/settings', title: 'Callback settings' },
];

/** The route under `leadtrail/v1/`, or undefined for any other address. */
function restRoute(url: URL): string | undefined {
  const at = url.pathname.indexOf(REST_PREFIX);
  if (at >= 0) return url.pathname.slice(at + REST_PREFIX.length);
  const route = url.searchParams.get('rest_route');
  return route?.startsWith(REST_ROUTE_PREFIX) ? route.slice(REST_ROUTE_PREFIX.length) : undefined;
}

function decodeCollect(params: Param[], op: string): Omit<DecodedRequest, 'provider'> {
  if (op === 'add_offline_message') return decodeOfflineMessage(params);
  if (op === 'tracker') return decodeVisitorInfo(params);
  if (op === 'hit') return { title: 'Page-view hit', fields: describeFields(params, HIT_LABELS) };
  const call = CALLS.find((known) => known.op === op);
  return { title: call?.title ?? `Call ${op}`, fields: describeFields(params, CALL_LABELS) };
}

function decodeRest(params: Param[], route: string): Omit<DecodedRequest, 'provider'> {
  const fallback = ' (REST fallback)';
  if (route === 'hit') return { title: `Page-view hit${fallback}`, fields: describeFields(params, HIT_LABELS) };
  const call = CALLS.find((known) => known.route === route.replace(/\/$/, ''));
  if (call) return { title: `${call.title}${fallback}`, fields: describeFields(params, CALL_LABELS) };
  if (isOfflineMessagePath(`/${route}`)) return decodeOfflineMessage(params);
  if (isVisitorInfoPath(`/${route}`)) return decodeVisitorInfo(params);
  return { title: `REST ${route}`, fields: params.map(([name, value]) => ({ name, value })) };
}

function decode(request: NetworkRecord, url: URL): DecodedRequest {
  const params = allParams(request, url).filter(([name]) => name !== 'rest_route' && name !== 'op');
  const server = url.pathname.match(SERVER_PATH);
  const decoded = server
    ? decodeRest(params, `${server[1]}/`)
    : COLLECT_PATH.test(url.pathname)
      ? decodeCollect(params, url.searchParams.get('op') ?? 'hit')
      : decodeRest(params, restRoute(url) ?? '');
  return { provider: 'LeadTrail', ...decoded };
}

export const leadtrailProvider: TrackingProvider = {
  name: 'LeadTrail',
  urlPatterns: ['*://*/*/leadtrail/collect.php*', '*://*/*/leadtrail/server/*', '*://*/*wp-json/leadtrail/v1/*', '*://*/*rest_route=*'],
  matches: (url) => COLLECT_PATH.test(url.pathname) || SERVER_PATH.test(url.pathname) || restRoute(url) !== undefined,
  decode,
};
