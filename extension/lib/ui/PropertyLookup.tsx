import { useState } from 'preact/hooks';
import { ActionResultView } from './ActionResultView';
import { runPageAction } from './run-page-action';
import type { ActionResult } from './run-page-action';

/** Asks the runtime about one property by name (A17, A18): works with any runtime, the vendor's too. */
export function PropertyLookup({ tabId }: { tabId: number }) {
  const [name, setName] = useState('');
  const [result, setResult] = useState<ActionResult>();

  const ask = async (method: 'hasProperty' | 'getProperty') => {
    setResult(await runPageAction(tabId, { method, args: [name] }));
  };

  return (
    <div class="card lookup" data-testid="property-lookup">
      <h2>Look up a property</h2>
      <input name="property" placeholder="Property name, e.g. Тип посетителя" value={name} onInput={(event) => setName(event.currentTarget.value)} />
      <button type="button" disabled={name === ''} onClick={() => void ask('hasProperty')}>
        hasProperty
      </button>
      <button type="button" disabled={name === ''} onClick={() => void ask('getProperty')}>
        getProperty
      </button>
      <ActionResultView result={result} />
    </div>
  );
}
