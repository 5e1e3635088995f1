// What the core hands the widgets' bundle and what the bundle registers (docs/contracts.md,
// "Widgets"). Types only: shared by the core's loader (api/widgets.ts) and the bundle.
import type { Answer } from '../schemas/calls';

export interface WidgetApi {
  /** A4, as `Comagic.addOfflineRequest`: never rejects. */
  addOfflineRequest(req: Record<string, unknown>): Promise<Answer<'request'>>;
  /** Base of the REST routes (ends with `/`): the form reads `GET {rest}groups`. */
  rest: string;
}

export interface RequestFormOptions {
  /** The `form_name` of its requests; by default the form's title in the page's language. */
  formName?: string;
}

/** `window.__leadtrailWidgets`, set by the bundle. */
export interface Widgets {
  /** A3: opens the request form (or brings it forward if it is open). */
  openRequestForm(api: WidgetApi, options?: RequestFormOptions): void;
}
