import * as z from 'zod/mini';

/**
 * A value read from the page, made JSON-safe by the hook (lib/page-hook/to-json-safe.ts): plain
 * JSON, where what JSON cannot hold (undefined, functions, errors, cycles…) is an object tagged
 * `{ $lt: kind }`.
 */
export const JsonValue = z.json();
export type JsonValue = z.infer<typeof JsonValue>;

/** Reading something on the page either gives a value or the error it threw. */
export const ReadResult = z.union([z.object({ ok: z.literal(true), value: JsonValue }), z.object({ ok: z.literal(false), error: z.string() })]);
export type ReadResult = z.infer<typeof ReadResult>;
