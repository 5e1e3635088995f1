import type { PageResponse } from '../messages/page-channel';
import type { PanelAction } from '../messages/panel-action';
import { withTimeout } from '../with-timeout';
import type { CallRecorder } from './call-recorder';
import { describeError } from './to-json-safe';

/** The documented methods that answer through a callback (A4, A14, A17, A18). */
const ANSWERING = new Set<string>(['addOfflineRequest', 'addVisitorInfo', 'hasProperty', 'getProperty']);
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Runs a panel action through the page's `Comagic` as the page would call it, so the call lands in
 * the timeline like any other (marked as the inspector's), and answers with its record.
 */
export async function runAction(comagic: unknown, recorder: CallRecorder, action: PanelAction): Promise<PageResponse> {
  let method: unknown;
  try {
    method = (comagic as Record<string, unknown> | null | undefined)?.[action.method];
  } catch (error) {
    return { kind: 'failed', error: `reading Comagic.${action.method} threw ${describeError(error)}` };
  }
  if (typeof method !== 'function') {
    return { kind: 'failed', error: `Comagic.${action.method} is not a function on this page` };
  }
  // A callback makes the vendor's runtime answer too; the recorder reads the answer from it.
  const args: unknown[] = ANSWERING.has(action.method) ? [...action.args, () => undefined] : action.args;
  const settled = recorder.runAsInspector(() => {
    try {
      Reflect.apply(method, comagic, args);
    } catch {
      // The record says it threw, and with what.
    }
  });
  try {
    const call = await withTimeout(settled, ANSWER_TIMEOUT_MS, `no answer within ${ANSWER_TIMEOUT_MS / 1000} s (the timeline shows it when it comes)`);
    return call
      ? { kind: 'ran', call }
      : { kind: 'failed', error: `Comagic.${action.method} cannot be recorded on this page (its object is frozen); it was called` };
  } catch (timeout) {
    return { kind: 'failed', error: (timeout as Error).message };
  }
}
