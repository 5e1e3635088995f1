import * as z from 'zod/mini';
import { CallRecord } from './call-record';
import { PageSnapshot } from './page-snapshot';
import { PanelAction } from './panel-action';

// The page hook (MAIN world) and the bridge (the isolated content script) share only the window:
// they talk with window.postMessage, each message tagged with its sender. The page sees these
// messages too and could forge them, so each side parses what it receives.
export const HOOK_SOURCE = 'leadtrail-inspector/hook';
export const BRIDGE_SOURCE = 'leadtrail-inspector/bridge';

/** What the panel can ask the page. */
export const PageRequest = z.union([z.object({ kind: z.literal('inspect') }), z.object({ kind: z.literal('run'), action: PanelAction })]);
export type PageRequest = z.infer<typeof PageRequest>;

/** The page's answer: a snapshot, the record of the call an action made, or why it failed. */
export const PageResponse = z.union([
  z.object({ kind: z.literal('snapshot'), snapshot: PageSnapshot }),
  z.object({ kind: z.literal('ran'), call: CallRecord }),
  z.object({ kind: z.literal('failed'), error: z.string() }),
]);
export type PageResponse = z.infer<typeof PageResponse>;

/** hook → bridge: a call was made or changed (upserted by id). */
export const HookCallPost = z.object({
  source: z.literal(HOOK_SOURCE),
  type: z.literal('call'),
  call: CallRecord,
});
export type HookCallPost = z.infer<typeof HookCallPost>;

/** hook → bridge: the answer to a request. */
export const HookResponsePost = z.object({
  source: z.literal(HOOK_SOURCE),
  type: z.literal('response'),
  id: z.string(),
  response: PageResponse,
});
export type HookResponsePost = z.infer<typeof HookResponsePost>;

/** bridge → hook: a request from the panel. */
export const BridgeRequestPost = z.object({
  source: z.literal(BRIDGE_SOURCE),
  id: z.string(),
  request: PageRequest,
});
export type BridgeRequestPost = z.infer<typeof BridgeRequestPost>;
