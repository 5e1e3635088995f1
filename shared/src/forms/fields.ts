// Hidden credential fields in forms (A6 made automatic; contracts.md, "Hidden form fields").
import { FIELD_NAMES } from '../schemas/formats';

/** The values of the hidden fields, by name. */
export type FieldValues = Record<(typeof FIELD_NAMES)[number], string | number>;

/** Marks our own inputs; anything without it belongs to the site. */
export const MARK = 'data-leadtrail';

/**
 * Whether `form` posts to one of `origins` (the page's own and those the settings allow): its
 * `action` resolved as the browser would (a link does it without throwing: an invalid URL has the
 * origin ""), none meaning the page itself. Not `form.action`: a control named "action" hides it.
 */
function postsTo(form: HTMLFormElement, origins: string[]): boolean {
  const a = document.createElement('a');
  a.href = form.getAttribute('action') || location.href;
  return origins.includes(a.origin);
}

/**
 * Gives `form` one hidden input per credential, or brings ours up to date. A field of the same
 * name that the site put there itself wins: ours is not added (and removed if it was). Forms
 * that declare `method="get"` (search forms) get none: the ids would land in shared URLs; nor do
 * forms that post to an origin not in `origins`: the ids and key would go to another site.
 */
export function syncForm(form: HTMLFormElement, values: FieldValues, origins: string[]): void {
  const skip = /^get$/i.test(form.getAttribute('method') || '') || !postsTo(form, origins);
  // A Map, not an object: a site's field may be called anything, "__proto__" included.
  const ours = new Map<string, HTMLInputElement>();
  const site = new Set<string>();
  for (const el of form.elements as HTMLCollectionOf<HTMLInputElement>) {
    if (el.hasAttribute(MARK)) ours.set(el.name, el);
    else if (el.name) site.add(el.name);
  }
  for (const name of FIELD_NAMES) {
    let input = ours.get(name);
    if (site.has(name) || skip) {
      input?.remove();
    } else {
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.setAttribute(MARK, '');
        form.appendChild(input);
      }
      input.value = String(values[name]);
    }
  }
}

export function syncAll(values: FieldValues, origins: string[]): void {
  for (const form of document.forms) syncForm(form, values, origins);
}
