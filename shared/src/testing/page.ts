// A page with the embed code, for the runtime tests.
import { vi } from 'vitest';
import type { Comagic, ComagicWidget, Globals } from '../api/comagic';
import type { Runtime } from '../core/runtime';
import type { Entry } from '../outbox/store';
import { boot as bootRuntime } from '../boot';
import { KEY } from '../outbox/store';
import { clearCookies, CONFIG, SITE_KEY } from './fetch';

const booted: Runtime[] = [];

/** Boots the runtime as index.ts does; `g` knows it. */
export function boot(script: Element | null | undefined): Runtime | undefined {
  const rt = bootRuntime(script);
  if (rt) booted.push(rt);
  return rt;
}

/**
 * The page's globals. The page sees `Comagic` and `ComagicWidget` only from the first hit answer on;
 * before that `g` gives those of the runtime booted last, so that a test can call the methods early
 * (as the page does through `__cs.push`). Tests of what the page sees read `window`.
 */
export const g = new Proxy(window, {
  get(w, k) {
    const shown = (w as unknown as Globals).Comagic;
    const early = (k == 'Comagic' || k == 'ComagicWidget') && (!shown || Array.isArray(shown));
    return early ? booted.at(-1)?.globals?.[k] : Reflect.get(w, k);
  },
}) as unknown as Globals & { Comagic: Comagic; ComagicWidget: ComagicWidget; __cs: { push(c: unknown): void } };

/** The runtime's <script> tag with the embed code's data attributes. */
export function runtimeScript(attrs: Partial<typeof CONFIG> = CONFIG): HTMLScriptElement {
  const s = document.createElement('script');
  s.id = 'leadtrail-runtime';
  for (const [k, v] of Object.entries(attrs)) s.setAttribute('data-' + k, String(v));
  document.head.appendChild(s);
  return s;
}

/** The embed stub: `var __cs = __cs || []; __cs.push(["setCsAccount", key]);` plus the page's own early pushes. */
export function embed(...early: unknown[]): void {
  const w = window as unknown as Globals;
  w.__cs = [['setCsAccount', SITE_KEY], ...early];
}

export function resetPage(): void {
  const w = window as unknown as Record<string, unknown>;
  delete w.Comagic;
  delete w.ComagicWidget;
  delete w.__cs;
  delete w.__leadtrailWidgets;
  clearCookies();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
}

/** Keeps the scripts the runtime adds to the head in the returned list instead of loading them. */
export function holdScripts(): HTMLScriptElement[] {
  const held: HTMLScriptElement[] = [];
  const append = document.head.appendChild.bind(document.head);
  vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
    if (node instanceof HTMLScriptElement) return (void held.push(node), node);
    return append(node);
  });
  return held;
}

/** A page with the embed code (and the page's `early` pushes) and the runtime booted on it. */
export function bootPage(...early: unknown[]): Runtime {
  embed(...early);
  return boot(runtimeScript())!;
}

/** The page unloads: its runtimes stop, the globals and cookies go; localStorage stays (the same site). */
export function unloadPage(): void {
  for (const rt of booted.splice(0)) rt.stop();
  resetPage();
}

/** The outbox as stored in localStorage. */
export const storedCalls = (): Entry[] => JSON.parse(localStorage.getItem(KEY) || '[]');
