import type { NetworkRecord } from '../messages/tab-log';
import { comagicProvider } from './comagic';
import { leadtrailProvider } from './leadtrail';
import type { DecodedRequest, TrackingProvider } from './provider';

/** LeadTrail first: its REST routes also end in the documented vendor paths. */
const PROVIDERS: readonly TrackingProvider[] = [leadtrailProvider, comagicProvider];

export const TRACKED_URL_PATTERNS: string[] = PROVIDERS.flatMap((provider) => provider.urlPatterns);

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function isTrackedUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && PROVIDERS.some((provider) => provider.matches(parsed));
}

/** The request read by the provider it belongs to; undefined for one no provider claims. */
export function decodeRequest(request: NetworkRecord): DecodedRequest | undefined {
  const url = parseUrl(request.url);
  if (!url) return undefined;
  return PROVIDERS.find((provider) => provider.matches(url))?.decode(request, url);
}
