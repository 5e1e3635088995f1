const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `14:03:07.125`, local time: precise enough to order calls and requests side by side. */
export function formatClock(epochMs: number): string {
  const at = new Date(epochMs);
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
