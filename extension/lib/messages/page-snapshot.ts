import * as z from 'zod/mini';
import { JsonValue, ReadResult } from './json-value';

/** Whose `Comagic` it is: LeadTrail's runtime announces itself with `Comagic.__leadtrail`. */
export const RuntimeIdentity = z.union([
  z.object({ name: z.literal('leadtrail'), version: z.string() }),
  /** Anything else: the vendor's cs.min.js, or a look-alike. `loader` is its script's address, if found. */
  z.object({ name: z.literal('vendor'), loader: z.nullable(z.string()) }),
]);
export type RuntimeIdentity = z.infer<typeof RuntimeIdentity>;

export const ComagicState = z.union([
  z.object({ present: z.literal(false) }),
  z.object({
    present: z.literal(true),
    runtime: RuntimeIdentity,
    /** Documented methods (SPEC A1–A19) that are not functions yet: a half-loaded runtime. */
    missing: z.array(z.string()),
    credentials: ReadResult,
    visitorId: ReadResult,
    sessionId: ReadResult,
    /** `Comagic.__leadtrail.properties()`; null when the runtime offers no such listing. */
    properties: z.nullable(ReadResult),
  }),
]);
export type ComagicState = z.infer<typeof ComagicState>;

/** The `__cs` queue: absent, still an array of waiting commands, or taken over by the runtime. */
export const QueueState = z.union([
  z.object({ state: z.literal('absent') }),
  z.object({ state: z.literal('waiting'), commands: z.array(JsonValue) }),
  z.object({ state: z.literal('live') }),
]);
export type QueueState = z.infer<typeof QueueState>;

/** The phone-number methods (N4–N7) as the page sees them, read from the page's own `Comagic`. */
export const PhoneMethods = z.object({
  getPhones: ReadResult,
  getDTPhones: ReadResult,
  /** `getReplacedPhones()`, `('static')` and `('dynamic')`. */
  replaced: ReadResult,
  replacedStatic: ReadResult,
  replacedDynamic: ReadResult,
});
export type PhoneMethods = z.infer<typeof PhoneMethods>;

/** An element the vendor's runtime replaces (N1) or a `tel:` link, as the page shows it now. */
export const PhoneElement = z.object({ where: z.string(), text: z.string() });
export type PhoneElement = z.infer<typeof PhoneElement>;

/** Call tracking on the page: the methods, LeadTrail's hit answer, the elements, the id cookies. */
export const PhonesState = z.object({
  /** null when there is no `Comagic`. */
  methods: z.nullable(PhoneMethods),
  /** LeadTrail's hit answer `phones` as its replacement chunk received it; null when none came. */
  answer: z.nullable(JsonValue),
  elements: z.array(PhoneElement),
  /** `_comagic_id`-style cookies (the vendor's and LeadTrail's), as `document.cookie` shows them. */
  cookies: z.array(z.object({ name: z.string(), value: z.string() })),
});
export type PhonesState = z.infer<typeof PhonesState>;

/** One message of the page's chat window, as the window shows it. */
const ChatLine = z.object({ id: z.number(), from: z.enum(['visitor', 'operator']), text: z.string(), at: z.number() });

/**
 * LeadTrail's chat window as the page holds it (`window.__leadtrailChatView`): "closed" while the window
 * is not open, else the server's state of the visitor's chat ("none" before its first message).
 */
export const ChatWindowState = z.object({
  state: z.enum(['closed', 'none', 'waiting', 'talking', 'ended']),
  operator: z.nullable(z.string()),
  messages: z.array(ChatLine),
});
export type ChatWindowState = z.infer<typeof ChatWindowState>;

/** The online consultant on the page: `getOperatorStatus()` (A2) and the chat window, if one was opened. */
export const ChatSnapshot = z.object({
  operatorStatus: ReadResult,
  /** null until the page opened the chat window (or for a runtime that does not tell). */
  window: z.nullable(ChatWindowState),
});
export type ChatSnapshot = z.infer<typeof ChatSnapshot>;

/** What the panel shows about the page, read on demand by the hook. */
export const PageSnapshot = z.object({
  url: z.string(),
  title: z.string(),
  comagic: ComagicState,
  /** `ComagicWidget` (A7, A10): null when absent, else its missing documented methods. */
  widgetMissing: z.nullable(z.array(z.string())),
  queue: QueueState,
  phones: PhonesState,
  /** null when there is no `Comagic`. */
  chat: z.nullable(ChatSnapshot),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;
