// Keeps the hidden fields on forms that appear later, and fresh at submit time.
import type { FieldValues } from './fields';
import { MARK, syncForm } from './fields';

/**
 * One MutationObserver on the document. It looks only at added elements that are forms, contain
 * forms, or are a site's own named control inside a form (which may replace one of ours).
 */
export function watchForms(values: () => FieldValues | undefined): () => void {
  const sync = (form: HTMLFormElement | null | undefined) => {
    const v = form?.tagName == 'FORM' && values();
    if (v) syncForm(form, v);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType != 1) continue;
        const el = node as HTMLElement;
        if (el.tagName == 'FORM') sync(el as HTMLFormElement);
        else if ((el as HTMLInputElement).form !== undefined) {
          if (el.getAttribute('name') && !el.hasAttribute(MARK)) sync((el as HTMLInputElement).form);
        } else if (el.firstElementChild) {
          for (const form of el.getElementsByTagName('form')) sync(form);
        }
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // `uri` is the page at submit time (single-page sites change it without a reload).
  const onSubmit = (e: Event) => sync(e.target as HTMLFormElement);
  document.addEventListener('submit', onSubmit, true);
  return () => {
    observer.disconnect();
    document.removeEventListener('submit', onSubmit, true);
  };
}
