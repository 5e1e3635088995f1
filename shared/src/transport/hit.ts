// The page-view hit: `POST {collect}`, once more to `POST {rest}hit` if that endpoint is unusable.
import type { Config } from '../config';
import type { HitAnswer, HitRequest } from '../schemas/hit';
import { checkAnswer } from '../schemas/guards';
import { postJson, unusable } from './http';
import { TIMEOUT } from './call';

/**
 * The answer (a success or a refusal). `{collect}` is tried first; `{rest}hit` once more on a
 * network error, a timeout (a hung server must not hold the page's leads), a body that is no
 * answer, 404/405, or a 5xx without an answer of ours. Undefined when the hit must be sent again
 * later: neither gave a usable answer, or one of ours came with a 5xx (`storage_unavailable`: the
 * endpoint is there, its database is not; the REST route would only fail the same way, with a 500).
 */
export async function sendHit(config: Config, req: HitRequest): Promise<HitAnswer | undefined> {
  const body = JSON.stringify(req);
  for (const url of [config.collect, config.rest + 'hit']) {
    const reply = await postJson(url, body, { timeout: TIMEOUT });
    const answer = reply && checkAnswer(reply.body);
    if (answer && reply.status > 499) return;
    if (answer && !unusable(reply.status)) return answer;
  }
}
