// A8 `Comagic.Captcha.get_captcha(callback)` (docs/contracts.md, "Callback orders"): `POST
// {collect}?op=captcha` (`{rest}captcha` when the lean endpoint is not there) with the visitor's
// identity, once the first hit answer is in. Not through the outbox: each call
// makes a new captcha, and one that comes late is of no use. The request and the check of its answer
// are in the lazily loaded checks (leadtrail-checks.js), which the sitephone form needs anyway; pages
// without one never load them.
import type { Runtime } from '../core/runtime';
import type { CaptchaAnswer } from '../schemas/answers';
import { reply } from './visitor';

export const captcha = (rt: Runtime) => ({
  /**
   * `callback({key, url})`: the captcha's key and the address of its picture; on a refusal or no
   * answer (the checks did not load either) `{key: null, url: null, error: {code, field}}`. The
   * Promise gets the same object (R8) and never rejects.
   */
  get_captcha: (callback?: unknown): Promise<CaptchaAnswer> =>
    rt.ready.then(async () => {
      // The checks say on the console why a captcha was refused (the core has no room for it; when
      // they did not load, the browser reports the failed script).
      const captcha: CaptchaAnswer = (await (await rt.checks())?.captcha?.(rt.config!.collect, rt.config!.rest, rt.who()!)) || {
        key: null,
        url: null,
        error: { code: 'network_error', field: '' },
      };
      reply('get_captcha', callback, captcha);
      return captcha;
    }),
});
