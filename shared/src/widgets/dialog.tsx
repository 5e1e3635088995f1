// A modal dialog in its own shadow root (docs/contracts.md, "Widgets"): focus moves in and is
// trapped, Esc and the close button close it, focus returns to where it was.
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact';
import { CSS, HOST } from './styles';

/** The open dialogs by kind: bringing one forward focuses it again. */
const open: Record<string, () => void> = {};

const FOCUSABLE = 'a[href],button,input,select,textarea,[tabindex]';

/** What Tab reaches in `root`, in order (the widgets use no positive tabindex). */
export const focusables = (root: ParentNode): HTMLElement[] =>
  Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((e) => e.tabIndex >= 0 && !(e as HTMLInputElement).disabled);

/** The focused element, looking into open shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Shows `view(close)` as the dialog of `kind` in a `<leadtrail-widget>` host at the end of the body;
 * if that kind is open already it only gets the focus back. Returns the host (for tests).
 */
export function openDialog(kind: string, view: (close: () => void) => VNode): HTMLElement | undefined {
  if (open[kind]) {
    open[kind]!();
    return;
  }
  const back = deepActive() as HTMLElement | null;
  const host = document.createElement('leadtrail-widget');
  host.setAttribute('style', HOST);
  const root = host.attachShadow({ mode: 'open' });
  const html = document.documentElement.style;
  const overflow = html.overflow;
  const dialog = () => root.querySelector<HTMLElement>('[role=dialog]')!;
  /** Into the dialog: its first field (else its first control, else itself). */
  const focusIn = () => {
    const list = focusables(dialog());
    (list.find((e) => e.tagName != 'BUTTON') || list[0] || dialog()).focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key == 'Escape' || e.key == 'Esc') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key == 'Tab') {
      const list = focusables(dialog());
      const i = list.indexOf(root.activeElement as HTMLElement);
      const to = e.shiftKey ? (i <= 0 ? list[list.length - 1] : 0) : i < 0 || i == list.length - 1 ? list[0] : 0;
      if (to) {
        e.preventDefault();
        to.focus();
      }
    }
  };
  // Focus that lands on the page behind (a click on the backdrop, then Tab) comes back in.
  const onFocus = (e: FocusEvent) => !e.composedPath().includes(host) && focusIn();
  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    delete open[kind];
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('focusin', onFocus, true);
    render(null, root);
    host.remove();
    html.overflow = overflow;
    if (back && back.isConnected && back != document.body) back.focus();
  }
  open[kind] = focusIn;
  document.body.appendChild(host);
  html.overflow = 'hidden';
  render(
    <>
      <style>{CSS}</style>
      {view(close)}
    </>,
    root,
  );
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('focusin', onFocus, true);
  focusIn();
  return host;
}

/** The dialog's frame: a labelled `role="dialog"` with a close button. */
/** A dialog's title (`#lt-title`, which labels it) and its close button. */
export function DialogHead({ title, closeLabel, close }: { title: string; closeLabel: string; close: () => void }) {
  return (
    <div class="head">
      <h2 id="lt-title">{title}</h2>
      <button type="button" class="x" aria-label={closeLabel} onClick={close}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}

export function Dialog({
  kind,
  title,
  closeLabel,
  close,
  describedBy,
  children,
}: {
  kind: string;
  title: string;
  closeLabel: string;
  close: () => void;
  /** The id of the text that says what the dialog is about (a notice's message). */
  describedBy?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="backdrop">
      <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="lt-title" aria-describedby={describedBy} data-leadtrail-widget={kind} tabIndex={-1}>
        <DialogHead title={title} closeLabel={closeLabel} close={close} />
        {children}
      </div>
    </div>
  );
}
