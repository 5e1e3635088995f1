/**
 * Watches a global variable: whatever the page assigns to `window[name]` is kept as is (`raw`),
 * and reads give `expose(raw)` instead. Works for `window.X = …`, `var X = …` in a classic script
 * and bare `X = …`: all go through the accessor defined here before any page script runs.
 * Returns undefined when the property cannot be redefined (it is non-configurable already).
 */
export function trapGlobal(win: object, name: string, expose: (raw: unknown) => unknown): { raw(): unknown } | undefined {
  const existing = Reflect.getOwnPropertyDescriptor(win, name);
  if (existing && !existing.configurable) return undefined;
  let raw: unknown = Reflect.get(win, name);
  let exposed = expose(raw);
  Reflect.defineProperty(win, name, {
    configurable: true,
    enumerable: true,
    get: () => exposed,
    set(value: unknown) {
      raw = value;
      exposed = expose(value);
    },
  });
  return { raw: () => raw };
}
