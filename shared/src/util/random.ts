/** A random idempotency key: 32 hex digits (128 bits; the contract allows 16..64 of [A-Za-z0-9_-]). */
export function requestId(): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  }
  return Array.from(bytes, (b) => (b | 256).toString(16).slice(1)).join('');
}
