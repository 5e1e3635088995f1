// Hidden credential fields in forms (A6 made automatic; contracts.md, "Hidden form fields").
import { FIELD_NAMES } from '../schemas/formats';

/** The values of the hidden fields, by name. */
export type FieldValues = Record<(typeof FIELD_NAMES)[number], string | number>;

/** Marks our own inputs; anything without it belongs to the site. */
export const MARK = 'data-leadtrail';

/**
 * Gives `form` one hidden input per credential, or brings ours up to date. A field of the same
 * name that the site put there itself wins: ours is not added (and removed if it was). Forms
 * that declare `method="get"` (search forms) get none: the ids would land in shared URLs.
 */
export function syncForm(form: HTMLFormElement, values: FieldValues): void {
  const skip = /^get$/i.test(form.getAttribute('method') || '');
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

export function syncAll(values: FieldValues): void {
  for (const form of document.forms) syncForm(form, values);
}
