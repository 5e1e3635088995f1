import * as z from 'zod/mini';
import { CallRecord } from './call-record';

export const HttpHeader = z.object({ name: z.string(), value: z.string() });
export type HttpHeader = z.infer<typeof HttpHeader>;

/** A request body as webRequest hands it over: parsed form fields, or the raw bytes as text. */
export const RequestBody = z.union([
  z.object({ kind: z.literal('form'), fields: z.array(z.tuple([z.string(), z.string()])) }),
  z.object({ kind: z.literal('text'), text: z.string(), truncated: z.boolean() }),
]);
export type RequestBody = z.infer<typeof RequestBody>;

/** One request to a tracking endpoint, captured by the background with webRequest. */
export const NetworkRecord = z.object({
  id: z.string(),
  page: z.number(),
  /** Start time, ms since the epoch. */
  at: z.number(),
  method: z.string(),
  url: z.string(),
  /** webRequest's resource type: xmlhttprequest, ping (Chrome's beacons), beacon (Firefox's), script… */
  type: z.string(),
  requestHeaders: z.optional(z.array(HttpHeader)),
  body: z.optional(RequestBody),
  status: z.optional(z.number()),
  statusLine: z.optional(z.string()),
  responseHeaders: z.optional(z.array(HttpHeader)),
  error: z.optional(z.string()),
  ms: z.optional(z.number()),
});
export type NetworkRecord = z.infer<typeof NetworkRecord>;

/** A document the tab showed; `page` numbers the entries that belong to it. */
export const PageVisit = z.object({ page: z.number(), url: z.string(), at: z.number() });
export type PageVisit = z.infer<typeof PageVisit>;

const LoggedCall = z.extend(CallRecord, { page: z.number() });

/** Everything captured on one tab; kept in storage.session so a sleeping service worker loses nothing. */
export const TabLog = z.object({
  tabId: z.number(),
  /** Keep entries across navigations instead of starting afresh on each page. */
  preserve: z.boolean(),
  pages: z.array(PageVisit),
  calls: z.array(LoggedCall),
  requests: z.array(NetworkRecord),
  /** Oldest entries dropped to stay within the per-tab limits. */
  dropped: z.number(),
});
export type TabLog = z.infer<typeof TabLog>;
