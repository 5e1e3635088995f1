import type { Credentials } from '../schemas/credentials';
import type { Runtime } from '../core/runtime';

/** A fresh credentials object (A5, F1, R2), or undefined before the first hit answer (R1). */
export function credentials({ hit, siteKey, config }: Pick<Runtime, 'hit' | 'siteKey' | 'config'>): Credentials | undefined {
  if (hit && siteKey && config) {
    return {
      site_key: siteKey,
      visitor_id: hit.visitor_id,
      hit_id: hit.hit_id,
      session_id: hit.session_id,
      consultant_server_url: config.server,
      key: siteKey,
      uri: location.href,
      comagic_id: hit.comagic_id,
    };
  }
}
