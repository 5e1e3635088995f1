/** A random idempotency key: 32 hex digits (128 bits; the contract allows 16..64 of [A-Za-z0-9_-]). */
export const requestId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b | 256).toString(16).slice(1)).join('');
