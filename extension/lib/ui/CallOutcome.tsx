import type { CallRecord } from '../messages/call-record';
import { formatValue, isUndefinedTag } from './format-value';

/** What came back from a call: its answer, its return value, its error, or that it is still waiting. */
export function CallOutcome({ call }: { call: Pick<CallRecord, 'status' | 'answer' | 'returned' | 'error'> }) {
  switch (call.status) {
    case 'answered':
      return <span class="value">{call.answer === undefined ? '' : formatValue(call.answer)}</span>;
    case 'waiting':
      return <span class="muted">waiting for the answer…</span>;
    case 'threw':
      return <span class="error">{`threw ${call.error ?? ''}`}</span>;
    case 'rejected':
      return <span class="error">{`rejected: ${call.error ?? ''}`}</span>;
    case 'returned':
      return isUndefinedTag(call.returned) ? <span class="muted">—</span> : <span class="value">{formatValue(call.returned ?? null)}</span>;
  }
}
