/**
 * `s` cut to at most `max` UTF-16 units (hence at most `max` characters on the server) without
 * leaving half a surrogate pair at the end, which would make the JSON body invalid UTF-8.
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c < 0xdc00 ? max - 1 : max);
}

/** `url` with exactly one trailing slash. */
export const slash = (url: string) => url.replace(/\/*$/, '/');
