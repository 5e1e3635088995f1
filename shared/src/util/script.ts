// Loads a lazily fetched bundle of ours (the widgets, the checks): a <script> next to the core's
// own, which registers itself as a window global. Kept tiny: it is in the core.

/**
 * A function that resolves with `window[name]`, loading `url` once first if it is not there yet:
 * undefined if it did not load or registered nothing (the next call tries again). Never rejects.
 */
export function loader<T>(url: string, name: string): () => Promise<T | undefined> {
  const w = window as unknown as Record<string, T | undefined>;
  let p: Promise<T | undefined> | undefined;
  return () =>
    (p =
      p ||
      new Promise<unknown>((done) => {
        const s = document.createElement('script');
        s.src = url;
        s.onload = s.onerror = done;
        w[name] || !url ? done(0) : document.head.appendChild(s);
      }).then(() => w[name] || (p = undefined)));
}

/** The URL of our bundle `file` next to the core's script `src` (same query), or "" without one. */
export const sibling = (src: string | undefined, file: string) => (src || '').replace(/\/leadtrail\.js\b/, `/${file}.js`);
