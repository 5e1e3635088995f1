// Building the console's markup from data: text always goes in as text, never as HTML.

type Attrs = Record<string, string | number | boolean | undefined>;

/** `<tag attrs>children</tag>`; strings become text nodes, `false`/`undefined` attributes are left out. */
export function el(tag: string, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== false) e.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) e.append(child);
  return e;
}
