import type { NetworkRecord } from '../messages/tab-log';
import { decodeOfflineMessage, decodeVisitorInfo, isOfflineMessagePath, isVisitorInfoPath } from './documented-endpoints';
import type { DecodedRequest, TrackingProvider } from './provider';
import { allParams } from './request-params';

// The vendor's cloud: its hosts (tracker.comagic.ru, server.comagic.ru, app.uiscom.ru…), and the
// documented endpoints wherever they are served, since `consultant_server_url` may point anywhere
// (A5: "the base URL must never be hard-coded").

const VENDOR_HOST = /(^|\.)(comagic|uiscom)\.ru$/;

function decode(request: NetworkRecord, url: URL): DecodedRequest {
  const provider = 'CoMagic';
  const params = allParams(request, url);
  if (isOfflineMessagePath(url.pathname)) return { provider, ...decodeOfflineMessage(params) };
  if (isVisitorInfoPath(url.pathname)) return { provider, ...decodeVisitorInfo(params) };
  const title = url.pathname.endsWith('.js') ? `Runtime script ${url.pathname.split('/').pop() ?? ''}` : `Request ${url.pathname}`;
  return { provider, title, fields: params.map(([name, value]) => ({ name, value })) };
}

export const comagicProvider: TrackingProvider = {
  name: 'CoMagic',
  urlPatterns: ['*://*.comagic.ru/*', '*://*.uiscom.ru/*', '*://*/*api/add_offline_message*', '*://*/*vc/s*'],
  matches: (url) => VENDOR_HOST.test(url.hostname) || isOfflineMessagePath(url.pathname) || isVisitorInfoPath(url.pathname),
  decode,
};
