import type { NetworkRecord } from '../lib/messages/tab-log';

/** A captured request with defaults, for the decoders' tests. */
export function networkRecord(url: string, extra: Partial<NetworkRecord> = {}): NetworkRecord {
  return { id: '1', page: 1, at: 1_700_000_000_000, method: 'GET', url, type: 'xmlhttprequest', ...extra };
}
