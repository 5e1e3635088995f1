// Keeps the hidden fields on forms that appear later, and fresh at submit time.
import type { FieldValues } from './fields';
import { MARK, syncForm } from './fields';

/**
 * One MutationObserver on the document. It looks only at added elements that are forms, contain
 * forms, or are a site's own named control inside a form (which may replace one of ours), and at
 * forms whose `action` changes (a form sent with `form.submit()` fires no `submit` event), which
 * is also the target of a change inside a form. `origins` as for syncForm.
 */
export function watchForms(values: () => FieldValues | undefined, origins: string[]): () => void {
  const sync = (form: HTMLFormElement | null | undefined) => {
    const v = form?.tagName == 'FORM' && values();
    if (v) syncForm(form, v, origins);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      sync(record.target as HTMLFormElement);
      for (const node of record.addedNodes) {
        // Any node: text and comments have no tag name, form or elements, so they give no form.
        const el = node as HTMLInputElement;
        const forms =
          el.tagName == 'FORM'
            ? [el]
            : el.form !== undefined
              ? [el.getAttribute('name') && !el.hasAttribute(MARK) && el.form]
              : el.firstElementChild
                ? el.getElementsByTagName('form')
                : [];
        for (const form of forms) sync(form as HTMLFormElement | null);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributeFilter: ['action'] });
  // `uri` is the page at submit time (single-page sites change it without a reload).
  const onSubmit = (e: Event) => sync(e.target as HTMLFormElement);
  document.addEventListener('submit', onSubmit, true);
  return () => {
    observer.disconnect();
    document.removeEventListener('submit', onSubmit, true);
  };
}
