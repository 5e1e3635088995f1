import { CallOutcome } from './CallOutcome';
import { formatDuration } from './format-time';
import type { ActionResult } from './run-page-action';

export function ActionResultView({ result }: { result: ActionResult | undefined }) {
  if (!result) return null;
  if (!result.ok)
    return (
      <p class="result error" data-testid="action-result">
        {result.error}
      </p>
    );
  return (
    <p class="result" data-testid="action-result">
      {`${result.call.status} in ${formatDuration(result.call.ms)}: `}
      <CallOutcome call={result.call} />
    </p>
  );
}
