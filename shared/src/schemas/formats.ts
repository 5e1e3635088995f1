// Formats shared by the zod schemas and the hand checks; kept free of zod so the runtime bundle
// can use them without pulling zod in.

/** A site key: 32 characters [A-Za-z0-9] (contracts.md, "Options"). */
export const SITE_KEY = /^[A-Za-z0-9]{32}$/;
/** `<visitor_id>.<session_id>.<unix seconds>` (R2, F5). */
export const COMAGIC_ID = /^\d+\.\d+\.\d+$/;
/** `<visitor_id>.<base64url signature>` (contracts.md, "Visitor token"). */
export const TOKEN = /^\d+\.[\w-]+$/;

/** The hidden form fields (contracts.md): the credentials a server-side handler needs (A6, F1). */
export const FIELD_NAMES = ['site_key', 'key', 'uri', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url'] as const;
