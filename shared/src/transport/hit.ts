// The page-view hit: `POST {collect}`, once more to `POST {rest}hit` if that endpoint is unusable.
import type { Config } from '../config';
import type { HitAnswer, HitRequest } from '../schemas/hit';
import { checkAnswer } from '../schemas/guards';
import { postJson } from './http';

/** The first well-formed answer (a success or a refusal), or undefined if neither endpoint gave one. */
export async function sendHit(config: Config, req: HitRequest): Promise<HitAnswer | undefined> {
  const body = JSON.stringify(req);
  for (const url of [config.collect, config.rest + 'hit']) {
    const answer = checkAnswer(await postJson(url, body));
    if (answer) return answer;
  }
}
