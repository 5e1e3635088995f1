// Installs the queue, replays the early `__cs` commands, starts the page view and shows the globals
// with its first answer.
import type { Globals } from './api/comagic';
import type { Runtime } from './core/runtime';
import { createGlobals } from './api/comagic';
import { readConfig } from './config';
import { createRuntime } from './core/runtime';
import { loader, sibling } from './util/script';
import { warn } from './util/log';

export function boot(script: Element | null | undefined): Runtime | undefined {
  const g = window as unknown as Globals;
  const { Comagic: legacy, __cs: early } = g;
  // An array is a queue (the old embed `var Comagic = Comagic || []`); anything else is another
  // runtime, or this one twice (its `__cs` is no array any more, and says so).
  if ((legacy && !Array.isArray(legacy)) || (early && !Array.isArray(early))) {
    if (!(early as { __leadtrail?: 1 })?.__leadtrail) warn('another Comagic runtime here: off.');
    return;
  }
  const config = readConfig(script);
  const rt = createRuntime(config);
  const globals = (rt.globals = createGlobals(rt));
  // Every method of `Comagic` is a queue command too (P2).
  Object.assign(rt.commands, globals.Comagic);
  g.__cs = { push: rt.queue.push, __leadtrail: 1 };
  for (const list of [early, legacy] as (unknown[] | undefined)[]) if (list) for (const command of list.splice(0)) rt.queue.push(command);
  // The array stays `window.Comagic` until the first answer; what the page pushes on it meanwhile is run.
  if (legacy) (legacy as unknown[]).push = rt.queue.push as () => number;
  // Single-page apps (`data-spa`): the history watcher is a file of its own, loaded only there.
  if (config?.spa) void loader<(count: () => void) => void>(sibling(config.src, 'leadtrail-spa'), '__leadtrailSpa')().then((watch) => watch?.(rt.reinit));
  rt.start();
  return rt;
}
