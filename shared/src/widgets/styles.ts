// The widgets' styles. They live in the widget's shadow root, so the site's theme cannot reach them
// and they cannot reach the theme; the host element itself gets an inline `all: initial`, which
// also stops the theme's inherited fonts and colours at the door.

/** The host element's inline style: on top of everything, covering the viewport. */
export const HOST = 'all:initial;display:block;position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647';

const CHEVRON =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M4 6l4 4 4-4' fill='none' stroke='%23475569' stroke-width='1.6'/%3E%3C/svg%3E\")";

export const CSS = `
*{box-sizing:border-box}
.backdrop{position:fixed;top:0;right:0;bottom:0;left:0;display:flex;align-items:center;justify-content:center;padding:16px;
background:rgba(15,23,42,.55);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:#0f172a;text-align:left;-webkit-text-size-adjust:100%}
.sheet{position:relative;width:100%;max-width:480px;max-height:100%;overflow-y:auto;overscroll-behavior:contain;
background:#fff;border-radius:14px;box-shadow:0 24px 64px rgba(15,23,42,.35);padding:24px;outline:none}
.head{display:flex;align-items:flex-start;justify-content:space-between;gap:12px}
h2{margin:0 0 4px;font-size:22px;line-height:1.25;font-weight:700}
.intro{margin:0 0 18px;color:#475569;font-size:15px}
.x{flex:none;width:40px;height:40px;margin:-8px -10px 0 0;padding:0;display:flex;align-items:center;justify-content:center;
border:0;border-radius:8px;background:transparent;color:#475569;cursor:pointer}
.x:hover{background:#f1f5f9;color:#0f172a}
.x svg{width:22px;height:22px}
.field{margin:0 0 14px;min-width:0}
label,legend{display:block;margin:0 0 6px;padding:0;font-size:14px;font-weight:600;color:#1e293b}
fieldset{border:0;margin:0 0 14px;padding:0;min-width:0}
fieldset .field{margin:0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
input,select,textarea{display:block;width:100%;max-width:100%;margin:0;padding:10px 12px;font:inherit;font-size:16px;line-height:1.4;
color:#0f172a;background:#fff;border:1px solid #cbd5e1;border-radius:8px;-webkit-appearance:none;appearance:none}
select{padding-right:36px;background:#fff ${CHEVRON} no-repeat right 12px center/16px 16px}
textarea{min-height:96px;resize:vertical}
input:focus,select:focus,textarea:focus{outline:none;border-color:#2563eb;box-shadow:0 0 0 3px rgba(37,99,235,.25)}
[aria-invalid=true]{border-color:#dc2626}
[aria-invalid=true]:focus{border-color:#dc2626;box-shadow:0 0 0 3px rgba(220,38,38,.22)}
.error{margin:6px 0 0;color:#b91c1c;font-size:14px}
.hint{margin:6px 0 0;color:#64748b;font-size:13px}
.captcha{display:flex;align-items:center;gap:12px;margin:0 0 8px;flex-wrap:wrap}
.captcha img,.pic{display:flex;align-items:center;justify-content:center;height:48px;min-width:120px;border:1px solid #cbd5e1;border-radius:8px;
background:#f8fafc;color:#64748b;font-size:14px}
.more{min-height:40px;padding:8px 12px;border:1px solid #cbd5e1;border-radius:8px;background:#fff;color:#1d4ed8;font:inherit;font-size:14px;
cursor:pointer}
.more:hover{background:#f1f5f9}
.more:focus-visible{outline:3px solid rgba(37,99,235,.55);outline-offset:2px}
input[type=datetime-local]{min-height:46px}
.hp{position:absolute;left:-10000px;top:0;width:1px;height:1px;overflow:hidden}
.result{margin:0 0 14px;padding:10px 12px;border-radius:8px;font-size:15px}
.result:empty{margin:0;padding:0}
.result.sent{background:#ecfdf5;color:#065f46}
.result.slow,.result.failed{background:#fffbeb;color:#92400e}
.result.fix{background:#fef2f2;color:#991b1b}
.result.sending{background:#f1f5f9;color:#334155}
.submit{display:block;width:100%;min-height:46px;padding:12px 16px;border:0;border-radius:8px;background:#2563eb;color:#fff;
font:inherit;font-weight:600;cursor:pointer}
.submit:hover{background:#1d4ed8}
.submit[aria-disabled=true]{opacity:.65;cursor:progress}
.x:focus-visible,.submit:focus-visible{outline:3px solid rgba(37,99,235,.55);outline-offset:2px}
@media (max-width:520px){
.backdrop{padding:0;align-items:flex-end}
.sheet{max-width:none;border-radius:16px 16px 0 0;padding:20px 16px calc(16px + env(safe-area-inset-bottom,0px))}
.pair{grid-template-columns:1fr;gap:14px}
}
@media (prefers-reduced-motion:no-preference){.sheet{animation:lt-in .18s ease-out}}
@keyframes lt-in{from{transform:translateY(16px);opacity:0}}
`.replace(/\n/g, '');
