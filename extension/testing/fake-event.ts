/** An extension event (addListener…) that a test fires itself; for APIs fakeBrowser leaves out. */
export function fakeEvent<Listener extends (...args: never[]) => unknown>() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    /** Calls every listener; returns what they returned. */
    fire: (...args: Parameters<Listener>) => [...listeners].map((listener) => listener(...args)),
  };
}
