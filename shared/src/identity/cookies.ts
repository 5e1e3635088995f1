// First-party cookies, readable by the site's own server code (contracts.md, "Cookies").

/** Two years, in seconds. */
export const MAX_AGE = 2 * 365 * 24 * 3600;

/** The `document.cookie` assignment for `name=value`; a `maxAge` of -1 deletes it. */
export function cookieString(name: string, value: string, maxAge: number, secure: boolean): string {
  return `${name}=${value}; path=/; max-age=${maxAge}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function getCookie(name: string): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const i = pair.indexOf('=');
    if (i > 0 && pair.slice(0, i).trim() == name) return pair.slice(i + 1).trim();
  }
}

/** Writes `name=value`; a `maxAge` of -1 deletes it. */
export function setCookie(name: string, value: string, maxAge = MAX_AGE): void {
  document.cookie = cookieString(name, value, maxAge, location.protocol == 'https:');
}

// -1 rather than 0: both mean "expired" (RFC 6265), some cookie jars ignore 0.
export const deleteCookie = (name: string) => setCookie(name, '', -1);
