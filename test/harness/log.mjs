// One visible progress line per step, so a long first set-up never looks stuck.
export function step(message) {
  process.stdout.write(`[leadtrail] ${message}\n`);
}

export async function timed(message, work) {
  const started = Date.now();
  step(`${message}...`);
  const result = await work();
  step(`${message}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}
