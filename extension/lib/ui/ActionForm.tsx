import { useState } from 'preact/hooks';
import type { JsonValue } from '../messages/json-value';
import type { ActionMethod } from '../messages/panel-action';
import { ActionResultView } from './ActionResultView';
import { runPageAction } from './run-page-action';
import type { ActionResult } from './run-page-action';

type FiredMethod = Extract<ActionMethod, 'trackEvent' | 'setProperty' | 'addVisitorInfo' | 'addOfflineRequest'>;

/** Test data in the documented argument shapes (A1, A16, A14, A4); the developer edits it freely. */
const TEST_ARGS: Record<FiredMethod, JsonValue[]> = {
  trackEvent: ['Inspector', 'TestEvent', 'LeadTrail Inspector', '1'],
  setProperty: ['Тип посетителя', 'Потенциальный'],
  addVisitorInfo: [{ name: 'Test Visitor', phone: '+79000000000', email: 'visitor@example.com' }],
  addOfflineRequest: [
    {
      name: 'Test Visitor',
      email: 'visitor@example.com',
      phone: '+79000000000',
      message: 'Sent from the LeadTrail Inspector',
      form_name: 'Inspector test',
    },
  ],
};

const METHODS = Object.keys(TEST_ARGS) as FiredMethod[];
const asText = (args: JsonValue[]) => JSON.stringify(args, null, 2);

function parseArgs(text: string): JsonValue[] | string {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as JsonValue[]) : 'The arguments must be a JSON array, e.g. ["Offer", "Download"].';
  } catch (error) {
    return `The arguments are not valid JSON: ${(error as Error).message}`;
  }
}

/** Fires one documented method on the page with editable arguments, and shows its answer. */
export function ActionForm({ tabId }: { tabId: number }) {
  const [method, setMethod] = useState<FiredMethod>('trackEvent');
  const [argsText, setArgsText] = useState(asText(TEST_ARGS.trackEvent));
  const [result, setResult] = useState<ActionResult>();
  const [busy, setBusy] = useState(false);

  const choose = (next: FiredMethod) => {
    setMethod(next);
    setArgsText(asText(TEST_ARGS[next]));
    setResult(undefined);
  };

  const run = async (event: Event) => {
    event.preventDefault();
    const args = parseArgs(argsText);
    if (typeof args === 'string') {
      setResult({ ok: false, error: args });
      return;
    }
    setBusy(true);
    setResult(await runPageAction(tabId, { method, args }));
    setBusy(false);
  };

  return (
    <form class="card action" onSubmit={run} data-testid="action-form">
      <h2>Fire a call</h2>
      <label>
        {'Comagic.'}
        <select value={method} onChange={(event) => choose(event.currentTarget.value as FiredMethod)} name="method">
          {METHODS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label class="stacked">
        Arguments (a JSON array; the callback is added for the methods that answer)
        <textarea name="args" rows={7} spellcheck={false} value={argsText} onInput={(event) => setArgsText(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Waiting for the answer…' : `Call ${method}`}
      </button>
      <ActionResultView result={result} />
    </form>
  );
}
