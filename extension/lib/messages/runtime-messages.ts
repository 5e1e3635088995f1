import * as z from 'zod/mini';
import { CallRecord } from './call-record';
import { PageRequest } from './page-channel';
import { TabLog } from './tab-log';

// Messages through runtime.sendMessage / tabs.sendMessage / a runtime port. The background is the
// hub: the bridge reports calls to it; the panel and the popup follow a tab's log over a port
// and ask it to reach the page.

const tabId = z.number().check(z.int());

/** bridge → background: the hook recorded a call on the sender's tab. */
export const HookCallMessage = z.object({ type: z.literal('hook-call'), call: CallRecord });
export type HookCallMessage = z.infer<typeof HookCallMessage>;

/** panel → background → the tab: ask the page (a snapshot, or run an action). */
export const AskPageMessage = z.object({ type: z.literal('ask-page'), tabId, request: PageRequest });
export const ClearLogMessage = z.object({ type: z.literal('clear-log'), tabId });
export const SetPreserveMessage = z.object({ type: z.literal('set-preserve'), tabId, preserve: z.boolean() });

export const BackgroundMessage = z.union([HookCallMessage, AskPageMessage, ClearLogMessage, SetPreserveMessage]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;
export type AskPageMessage = z.infer<typeof AskPageMessage>;
export type ClearLogMessage = z.infer<typeof ClearLogMessage>;
export type SetPreserveMessage = z.infer<typeof SetPreserveMessage>;

/** background → the tab's bridge: a request for the page hook. */
export const ForwardedPageRequest = z.object({ type: z.literal('page-request'), request: PageRequest });
export type ForwardedPageRequest = z.infer<typeof ForwardedPageRequest>;

/** The port a panel opens to follow one tab's log as it changes. */
export const LOG_PORT_NAME = 'leadtrail-inspector/log';
/** panel → background over the port: the tab to follow. */
export const WatchTabMessage = z.object({ type: z.literal('watch'), tabId });
export type WatchTabMessage = z.infer<typeof WatchTabMessage>;
/** background → panel over the port: the tab's log after a change. */
export const LogUpdateMessage = z.object({ type: z.literal('log'), log: TabLog });
export type LogUpdateMessage = z.infer<typeof LogUpdateMessage>;
