import type { NetworkRecord } from '../messages/tab-log';

export interface DecodedField {
  /** The name on the wire. */
  name: string;
  /** What it means, when the contract says. */
  label?: string;
  value: string;
}

export interface DecodedRequest {
  provider: string;
  /** What the request is, e.g. "Offline request (A6)". */
  title: string;
  fields: DecodedField[];
}

/** One family of tracking endpoints (Omnibug's "provider"): how to spot its requests and read them. */
export interface TrackingProvider {
  name: string;
  /** webRequest match patterns: a coarse filter; `matches` decides. */
  urlPatterns: readonly string[];
  matches(url: URL): boolean;
  decode(request: NetworkRecord, url: URL): DecodedRequest;
}
