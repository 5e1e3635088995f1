// What the core hands the widgets' bundle and what the bundle registers (docs/contracts.md,
// "Widgets"). Types only: shared by the core's loader (api/widgets.ts) and the bundle.
import type { Answer } from '../schemas/calls';
import type { CaptchaAnswer } from '../schemas/answers';

export interface WidgetApi {
  /** A4, as `Comagic.addOfflineRequest`: never rejects. */
  addOfflineRequest(req: Record<string, unknown>): Promise<Answer<'request'>>;
  /** A10, as `ComagicWidget.sitePhoneCall` with a callback (so no notice of its own): never rejects. */
  sitePhoneCall(args: Record<string, unknown>): Promise<Answer<'callback'>>;
  /** A8, as `Comagic.Captcha.get_captcha()`: never rejects. */
  getCaptcha(): Promise<CaptchaAnswer>;
  /** `{collect}`, the lean endpoint: the forms read `GET {collect}?op=groups`, `GET {collect}?op=callback_settings`. */
  lean: string;
  /** Base of the REST routes (ends with `/`): `{rest}groups`, `{rest}callback/settings` when the lean endpoint is not there. */
  rest: string;
}

export interface RequestFormOptions {
  /** The `form_name` of its requests; by default the form's title in the page's language. */
  formName?: string;
  /** The message field's first text (the chat's messages when nobody answered it). */
  message?: string;
}

export interface SitePhoneFormOptions {
  /** The phone mask of `setUIPhoneMaskFormat` (A9); else the settings' mask; else none. */
  mask?: string;
}

/** `window.__leadtrailWidgets`, set by the bundle. */
export interface Widgets {
  /** A3: opens the request form (or brings it forward if it is open). */
  openRequestForm(api: WidgetApi, options?: RequestFormOptions): void;
  /** A7: opens the callback ("sitephone") form (or brings it forward if it is open). */
  openSitePhoneForm(api: WidgetApi, options?: SitePhoneFormOptions): void;
  /** A11 with an operator available: opens the chat window (or brings it forward), with the visit's history. */
  openChat(api: WidgetApi): void;
  /** A10 without a callback: the pop-up notice of a callback order's answer. */
  showCallbackNotice(api: WidgetApi, answer: Answer<'callback'>): void;
}
