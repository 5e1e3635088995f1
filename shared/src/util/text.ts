/**
 * `s` cut to at most `max` UTF-16 units (hence at most `max` characters on the server) without
 * leaving half a surrogate pair at the end, which would make the JSON body invalid UTF-8.
 */
export const clip = (s: string, max: number) => s.slice(0, max).replace(/[\ud800-\udbff]$/, '');

/** `url` with exactly one trailing slash. */
export const slash = (url: string) => url.replace(/\/*$/, '/');
