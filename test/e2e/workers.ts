// How many test files run at once, each on a WordPress of its own: LEADTRAIL_E2E_WORKERS, default 2
// (the machines have two cores; a file mostly waits on a browser or a server).
export function e2eWorkers(): number {
  const raw = process.env.LEADTRAIL_E2E_WORKERS ?? '2';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`LEADTRAIL_E2E_WORKERS must be a whole number from 1 to 8, got "${raw}"`);
  return n;
}
