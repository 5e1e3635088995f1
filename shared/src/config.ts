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
  /** The runtime script's own URL: the widgets' bundle is found next to it. */
  src?: string;
  /** `data-spa`: count the page views of a single-page app (history changes). */
  spa?: boolean;
}

/** The config from `data-collect`, `data-rest`, `data-server` (and `data-spa`); undefined (and a console error) if one is missing. */
export function readConfig(script: Element | null | undefined): Config | undefined {
  const names = ['data-collect', 'data-rest', 'data-server'];
  const [collect, rest, server] = names.map((name) => script?.getAttribute(name));
  if (collect && rest && server) return { collect, rest: slash(rest), server: slash(server), src: (script as HTMLScriptElement).src, spa: script!.hasAttribute('data-spa') };
  error(`no ${names.filter((name) => !script?.getAttribute(name)).join(', ')}: tracking off.`);
}
