// The widgets' loader (A3, A7, A10; docs/contracts.md, "Widgets"): the Preact bundle is fetched only when a
// widget first opens, once, from next to the runtime's own script. Kept tiny: it is in the core.
import type { Config } from '../config';
import type { WidgetApi, Widgets } from '../widgets/api';
import { error } from '../util/log';
import { loader, sibling } from '../util/script';

/**
 * A function that opens the widget `name` (handing it the core's `calls` with `{collect}` (as `lean`) and `{rest}`, and `arg`),
 * loading the bundle first if need be: its URL is the runtime's (`config.src`) with `leadtrail.js` replaced by
 * `leadtrail-widgets.js`, same query. It never throws: a bundle that does not load (or a widget that
 * fails) is a console error, and the next call tries again. Without a config (an inert runtime)
 * nothing loads.
 */
export function widgetOpener(config: Config | undefined, calls: Omit<WidgetApi, 'lean' | 'rest'>) {
  // `collect` is a minified name in the core (bundle.mjs): the bundle gets it as `lean`.
  const { src, collect: lean, rest } = { ...config };
  const api = { ...calls, lean, rest } as WidgetApi;
  const url = sibling(src, 'leadtrail-widgets');
  const load = loader<Widgets>(url, '__leadtrailWidgets');
  return <N extends keyof Widgets>(name: N, arg?: Parameters<Widgets[N]>[1]) => {
    // A bundle that did not load (or registered nothing) fails here too: undefined has no widget.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    load()
      .then((widgets) => (widgets![name] as any)(api, arg))
      .catch((e) => error(name + ' failed:', url, e));
  };
}
