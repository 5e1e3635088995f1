// Installs the globals, replays the early `__cs` commands and starts the page view.
import type { Globals } from './api/comagic';
import type { Runtime } from './core/runtime';
import { createGlobals } from './api/comagic';
import { readConfig } from './config';
import { createRuntime } from './core/runtime';
import { warn } from './util/log';

export function boot(script: Element | null | undefined): Runtime | undefined {
  const g = window as unknown as Globals;
  if (g.Comagic) {
    if (!g.Comagic.__leadtrail) warn('another Comagic runtime is on this page: off.');
    return;
  }
  const rt = createRuntime(readConfig(script));
  const early = g.__cs;
  Object.assign(g, createGlobals(rt));
  g.__cs = { push: rt.queue.push };
  if (Array.isArray(early)) for (const command of early) rt.queue.push(command);
  rt.start();
  return rt;
}
