// The built-in `__cs` commands. Later features add their own tables.
import type { Commands } from './queue';
import type { Runtime } from '../core/runtime';
import type { Credentials } from '../schemas/credentials';
import { SITE_KEY } from '../schemas/formats';
import { error, warn } from '../util/log';

/** Commands that apply at once, even before the first hit answer (contracts.md). */
export function configCommands(rt: Runtime, keySet: () => void): Commands {
  const account = (key: unknown) => {
    if (typeof key != 'string' || !SITE_KEY.test(key)) {
      error('setCsAccount: bad site key:', key);
    } else if (rt.siteKey && key != rt.siteKey) {
      // The first key is the plugin's (its embed code comes first in <head>): a theme's leftover
      // vendor embed, or the old `setAccount`, does not take the page away from it.
      warn('setCsAccount: a second key, ignored.');
    } else {
      rt.siteKey = key;
      keySet();
    }
  };
  const host = (value: unknown) => {
    if (typeof value == 'string') rt.host = value;
  };
  return {
    setCsAccount: account,
    setAccount: account,
    setCsHost: host,
    setHost: host,
    /** `["disableWidgets", true]`: no widget opens on its own (the callback order's notice); the methods still work. */
    disableWidgets: (off: unknown) => void (rt.noWidgets = off !== false),
  };
}

/** Commands that wait for the first hit answer. */
export function commands(rt: Runtime): Commands {
  return {
    /**
     * `["onReady", fn]`: `fn(credentials)` once the ids are known (F7): at once when they are, else
     * with the first answer (the queue also opens when the hit gives up, and ids are never made up).
     */
    onReady(fn: unknown) {
      if (typeof fn != 'function') warn('onReady: no function.');
      else rt.hit ? fn(rt.credentials()) : rt.ready.then(fn as (c: Credentials) => void);
    },
    /** N2: `["setDynamicalReplacement", true]`, kept for the replacement, which takes this command over when it loads. */
    setDynamicalReplacement: (on: unknown) => void (rt.dyn = on),
    /** A9: the sitephone form's phone mask, kept for the widgets (a later feature). */
    setUIPhoneMaskFormat(mask: unknown) {
      if (typeof mask == 'string') rt.phoneMask = mask;
      else warn('setUIPhoneMaskFormat: no string.');
    },
  };
}
