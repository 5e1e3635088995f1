// The runtime's endpoints, from its own <script> tag (contracts.md, "Embed code").
import { error } from './util/log';
import { slash } from './util/text';

export interface Config {
  /** The lean hit endpoint. */
  collect: string;
  /** Base of the REST routes, ends with `/`; the hit fallback is `{rest}hit`. */
  rest: string;
  /** `consultant_server_url` (A5), ends with `/`. */
  server: string;
  /**
   * The origins whose forms get the hidden credential fields: the page's own, then those of
   * `data-origins` (space-separated, the settings' "Other origins of lead forms").
   */
  origins: string[];
  /** The runtime script's own URL: the widgets' bundle is found next to it. */
  src?: string;
  /** `data-spa`: count the page views of a single-page app (history changes). */
  spa?: boolean;
}

/**
 * The config from `data-collect`, `data-rest`, `data-server` and the optional `data-origins` and
 * `data-spa`; undefined (and a console error) if one of the first three is missing.
 */
export function readConfig(script: Element | null | undefined): Config | undefined {
  const names = ['data-collect', 'data-rest', 'data-server'];
  const [collect, rest, server] = names.map((name) => script?.getAttribute(name));
  const s = script as HTMLScriptElement;
  if (collect && rest && server) {
    return {
      collect,
      rest: slash(rest),
      server: slash(server),
      origins: [location.origin, ...(s.dataset.origins?.match(/\S+/g) || [])],
      src: s.src,
      spa: s.hasAttribute('data-spa'),
    };
  }
  error(`no ${names.filter((name) => !script?.getAttribute(name)).join(', ')}: tracking off.`);
}
