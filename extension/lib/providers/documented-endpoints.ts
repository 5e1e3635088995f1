import type { DecodedField } from './provider';
import type { Param } from './request-params';

// The two endpoints the vendor documents on the wire. Both the vendor's cloud and LeadTrail serve
// them (under `consultant_server_url`), so both providers read them the same way.

// In the order the vendor lists them.
const OFFLINE_MESSAGE_LABELS: Record<string, string> = {
  site_key: 'site key',
  key: 'site key (F1)',
  visitor_id: 'visitor id',
  hit_id: 'hit id',
  session_id: 'session id',
  uri: 'page (F1)',
  name: 'name',
  email: 'email',
  phone: 'phone',
  text: 'message',
  is_sale: 'is a sale',
  sale_cost: 'deal amount',
  group_id: 'employee group',
  form_name: 'form name',
};

const VISITOR_INFO_LABELS: Record<string, string> = {
  sk: 'site key',
  k: 'site key (F3)',
  ci: 'comagic_id (visitor.session.time)',
  hi: 'hit id',
  vp: 'phone',
  vn: 'name',
  ve: 'email',
  ur: 'page (F3)',
  s: 'short answer',
};

const labelWith =
  (labels: Record<string, string>) =>
  ([name, value]: Param): DecodedField => {
    const known = Object.hasOwn(labels, name) ? labels[name] : undefined;
    return known ? { name, label: known, value } : { name, value };
  };

/**
 * Fields labelled, in the contract's order and unknown ones after: browsers hand parsed form
 * fields over in an order of their own (Chrome sorts them by name).
 */
export function describeFields(params: Param[], labels: Record<string, string>): DecodedField[] {
  const order = Object.keys(labels);
  const rank = ([name]: Param) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...params].sort((a, b) => rank(a) - rank(b)).map(labelWith(labels));
}

export const isOfflineMessagePath = (path: string) => /\/api\/add_offline_message\/?$/.test(path);
export const isVisitorInfoPath = (path: string) => /\/vc\/s\/?$/.test(path);

/** A6: `POST {consultant_server_url}api/add_offline_message/`, form-encoded. */
export function decodeOfflineMessage(params: Param[]) {
  return { title: 'Offline request (A6)', fields: describeFields(params, OFFLINE_MESSAGE_LABELS) };
}

/** R2/F5: `visitor_id.session_id.unix_seconds`, spelled out. */
function explainComagicId(value: string): DecodedField[] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(value);
  if (!match) return [];
  const [, visitor = '', session = '', seconds = ''] = match;
  return [
    { name: 'ci → visitor', label: 'visitor id', value: visitor },
    { name: 'ci → session', label: 'session id', value: session },
    { name: 'ci → time', label: 'cookie set', value: new Date(Number(seconds) * 1000).toISOString() },
  ];
}

/** A15: `GET …/vc/s/?sk=&ci=&hi=&vp=&vn=&ve=` (F3 also `k=`, `ur=`). */
export function decodeVisitorInfo(params: Param[]) {
  const fields = describeFields(params, VISITOR_INFO_LABELS).flatMap((field) => (field.name === 'ci' ? [field, ...explainComagicId(field.value)] : [field]));
  return { title: 'Visitor info (A15)', fields };
}
