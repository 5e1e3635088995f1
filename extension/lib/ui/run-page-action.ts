import { browser } from '../browser-api';
import type { CallRecord } from '../messages/call-record';
import type { PanelAction } from '../messages/panel-action';
import { askPage } from './background-client';

export type ActionResult = { ok: true; call: CallRecord } | { ok: false; error: string };

/** Runs an action on the inspected page; the call also shows up in the timeline. */
export async function runPageAction(tabId: number, action: PanelAction): Promise<ActionResult> {
  const response = await askPage(browser.runtime, tabId, { kind: 'run', action });
  if (response.kind === 'ran') return { ok: true, call: response.call };
  return { ok: false, error: response.kind === 'failed' ? response.error : 'unexpected answer' };
}
