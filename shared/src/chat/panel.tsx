// The chat's docked panel (docs/contracts.md, "Chat"): a non-modal dialog in its own shadow root at the
// bottom right (the whole width on a phone), so the visitor can go on reading and scrolling the page
// while waiting for an answer. Focus moves into it when it opens, Esc (with focus in it) and the close
// button close it, and focus returns to where it was; Tab may leave it, as the page stays usable.
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { CSS } from '../widgets/styles';
import { DialogHead, focusables } from '../widgets/dialog';

/** On top of the page but covering only the panel's corner. */
const HOST = 'all:initial;display:block;position:fixed;right:0;bottom:0;z-index:2147483647';

const PANEL_CSS = `
.dock{position:fixed;right:16px;bottom:16px;width:380px;max-width:calc(100vw - 32px);max-height:calc(100vh - 32px);padding:16px;
font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#0f172a;text-align:left}
.dock h2{font-size:18px}
@media (max-width:520px){.dock{right:0;bottom:0;width:100vw;max-width:none;max-height:85vh;border-radius:16px 16px 0 0}}
`.replace(/\n/g, '');

let reopen: (() => void) | undefined;

/**
 * Shows `view(close)` in the docked panel `[data-leadtrail-widget=<kind>]`, titled `title`; when it is
 * open already it only gets the focus back. `onClose` runs once it is closed.
 */
export function openPanel(kind: string, title: string, closeLabel: string, view: (close: () => void) => ComponentChildren, onClose?: () => void) {
  if (reopen) return reopen();
  const back = document.activeElement as HTMLElement | null;
  const host = document.createElement('leadtrail-widget');
  host.setAttribute('style', HOST);
  const root = host.attachShadow({ mode: 'open' });
  const panel = () => root.querySelector<HTMLElement>('[role=dialog]')!;
  const focusIn = () => {
    const list = focusables(panel());
    (list.find((e) => e.tagName == 'TEXTAREA') || list[0] || panel()).focus();
  };
  function close() {
    if (!reopen) return;
    reopen = undefined;
    render(null, root);
    host.remove();
    onClose?.();
    if (back && back.isConnected && back != document.body) back.focus();
  }
  reopen = focusIn;
  host.addEventListener('keydown', (e) => {
    if (e.key == 'Escape' || e.key == 'Esc') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  document.body.appendChild(host);
  render(
    <>
      <style>{CSS + PANEL_CSS}</style>
      <section class="sheet dock" role="dialog" aria-modal="false" aria-labelledby="lt-title" data-leadtrail-widget={kind} tabIndex={-1}>
        <DialogHead title={title} closeLabel={closeLabel} close={close} />
        {view(close)}
      </section>
    </>,
    root,
  );
  focusIn();
}
