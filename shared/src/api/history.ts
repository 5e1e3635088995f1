// "Count page views of single-page apps" (contracts.md, "Runtime globals"): a new page view whenever the
// page changes its address without loading (history.pushState / replaceState, the back button).

/** Calls `count` when the address (less its `#fragment`: in-page anchors are no new page) changes. */
export function watchHistory(count: () => void): void {
  const page = () => location.href.split('#')[0];
  let last = page();
  const check = () => last != (last = page()) && count();
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      check();
    };
  }
  addEventListener('popstate', check);
}
