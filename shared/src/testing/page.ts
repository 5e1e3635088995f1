// A page with the embed code, for the runtime tests.
import { vi } from 'vitest';
import type { Comagic, Globals } from '../api/comagic';
import type { Runtime } from '../core/runtime';
import type { Entry } from '../outbox/store';
import { boot } from '../boot';
import { KEY } from '../outbox/store';
import { clearCookies, CONFIG, SITE_KEY } from './fetch';

export const g = window as unknown as Globals & { Comagic: Comagic; __cs: { push(c: unknown): void } };

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
    if (node instanceof HTMLScriptElement) return void held.push(node), node;
    return append(node);
  });
  return held;
}

const booted: Runtime[] = [];

/** A page with the embed code (and the page's `early` pushes) and the runtime booted on it. */
export function bootPage(...early: unknown[]): Runtime {
  embed(...early);
  const rt = boot(runtimeScript())!;
  booted.push(rt);
  return rt;
}

/** The page unloads: its runtimes stop, the globals and cookies go; localStorage stays (the same site). */
export function unloadPage(): void {
  for (const rt of booted.splice(0)) rt.stop();
  resetPage();
}

/** The outbox as stored in localStorage. */
export const storedCalls = (): Entry[] => JSON.parse(localStorage.getItem(KEY) || '[]');
