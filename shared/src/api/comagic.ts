// The global objects the page sees (A3, A5, A7, A8, A10, A12, A13, F4, F7, N7, P3; contracts.md, "Runtime globals").
import type { Runtime } from '../core/runtime';
import type { PhoneTarget } from '../schemas/phones';
import { VERSION } from '../version';
import { captcha } from './captcha';
import { patient, visitorMethods } from './visitor';
import { widgetOpener } from './widgets';
import { loader, sibling } from '../util/script';
import type { ChatWatch } from '../chat/api';

/** `Comagic` and `ComagicWidget`, which share the widgets' loader. */
export function createGlobals(rt: Runtime) {
  // No notice pops up on a page that said `disableWidgets`: the answer still reaches the Promise.
  const { properties, sitePhoneCall, ...visitor } = visitorMethods(rt, (answer) => rt.noWidgets || open('showCallbackNotice', answer));
  const Captcha = captcha(rt);
  const open = widgetOpener(rt.config, {
    addOfflineRequest: (req) => visitor.addOfflineRequest(req, patient),
    // The form shows the answer itself: a callback, so that no notice pops up over it.
    sitePhoneCall: (args) => sitePhoneCall(args, patient),
    getCaptcha: Captcha.get_captcha,
  });
  const chat = loader<ChatWatch>(sibling(rt.config?.src, 'leadtrail-chat'), '__leadtrailChat');
  const ComagicWidget = {
    /** A10: orders a callback; `callback({success, result: {status, code}})`, else a pop-up notice. */
    sitePhoneCall,
    /** A7: opens the callback ("sitephone") form, with the mask of `setUIPhoneMaskFormat` (A9). */
    openSitePhonePanel: () => open('openSitePhoneForm', { mask: rt.phoneMask }),
  };
  const Comagic = {
    /** P3: the widget's methods are on `Comagic` too, as many sites call them. */
    ...ComagicWidget,
    /** P3: the vendor widget's name for A8; its `options` (`{bg}`) change nothing here. */
    getCaptcha: Captcha.get_captcha as (callback?: unknown, options?: unknown) => ReturnType<typeof Captcha.get_captcha>,
    /** N7: a new page view of the current address (single-page sites): a new hit id, same visitor. */
    reinitTrackView: () => void rt.reinit(),
    /** A12: the visitor id, or undefined before the first hit answer (R1). */
    getVisitorId: () => rt.hit?.visitor_id,
    /** A13: the session id, or undefined before the first hit answer (R1). */
    getSessionId: () => rt.hit?.session_id,
    /** A5 (+ F1 `key`, `uri`, R2 `comagic_id`), or undefined before the first hit answer (R1). */
    getCredentials: () => rt.credentials(),
    /** F7: the credentials; resolved already, since `Comagic` appears only with the first hit answer (R1). */
    ready: rt.ready,
    /** N4-N6: as on a page without numbers; the replacement (leadtrail-phones.js) puts its own in their place. */
    getPhones: (): PhoneTarget[] => [],
    getDTPhones: (): PhoneTarget[] | null => null,
    getReplacedPhones: (_type?: unknown): Record<string, string> | Record<string, string[]> => ({}),
    /** F4: works like `__cs.push`. */
    push: rt.queue.push,
    /** A1, A4, A14, A16-A19: each returns a Promise of its answer too (R8). */
    ...visitor,
    /** A8: `Comagic.Captcha.get_captcha(callback)`. */
    Captcha,
    /** A3: opens the request form; its bundle loads on the first call. */
    openSiteRequestPanel: () => open('openRequestForm'),
    /** A2 (R7): whether an operator is available now; it follows the operators within 30 s. */
    // It follows the server only on pages that ask (leadtrail-chat.js polls); before, the hit answer's.
    getOperatorStatus: () => (void chat().then((c) => c?.(() => rt.hit, rt.config!.collect)), !!rt.hit?.chat),
    /** A11: the chat if an operator is available, else the request form (the widgets ask the server which). */
    openChatWindow: () => open('openChat'),
    /**
     * Tells tools (the inspector) this is LeadTrail and not the vendor's script; `properties()`
     * is a Promise of the visitor's properties (it rejects on a refusal).
     */
    __leadtrail: { runtime: 'leadtrail' as const, version: VERSION, properties },
  };
  return { Comagic, ComagicWidget };
}

export type Comagic = ReturnType<typeof createGlobals>['Comagic'];
export type ComagicWidget = ReturnType<typeof createGlobals>['ComagicWidget'];

/** The page's globals, as the runtime sees them. */
export interface Globals {
  /** An array before load is the old embed's queue (`var Comagic = Comagic || []`). */
  Comagic?: Partial<Comagic> | unknown[];
  ComagicWidget?: Partial<ComagicWidget>;
  __cs?: unknown[] | { push(command: unknown): void; __leadtrail?: 1 };
}
