// The answer of a callback order as people read it (A10): the sitephone form shows it, and so does
// the pop-up notice of `ComagicWidget.sitePhoneCall` called without a callback.
import { useEffect, useRef } from 'preact/hooks';
import type { Answer } from '../schemas/calls';
import type { WidgetApi } from './api';
import type { Texts } from './i18n';
import { Dialog, openDialog } from './dialog';
import { texts } from './i18n';

/** The message of a refusal that names a field, or undefined. */
export function fieldText(t: Texts, code: string, field?: string): string | undefined {
  if (field == 'phone') return code == 'missing_phone' ? t.callPhoneMissing : t.phoneInvalid;
  if (field == 'delayed_call_time') return t.callTimeInvalid;
  if (field == 'group_id') return t.groupInvalid;
  if (field == 'captcha_key' || field == 'captcha_value') return t.captchaWrong;
}

/** The text for a callback order's answer: the success, saved to go later (`queued`), the refused field, or the status (1-4). */
export function answerText(t: Texts, answer: Answer<'callback'>): string {
  if (answer.success) return t.callSent;
  const { status, code, field } = answer.result as { status: number; code: string; field?: string };
  if (code == 'queued') return t.callSlow;
  return fieldText(t, code, field) || (t as unknown as Record<string, string>)['status' + status] || t.status3;
}

/** The notice's body: the message (a live region) and an OK button, which gets the focus. */
function Notice({ t, answer, close }: { t: Texts; answer: Answer<'callback'>; close: () => void }) {
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), []);
  return (
    <div>
      <div id="lt-notice" class={'result ' + (answer.success ? 'sent' : 'failed')} data-leadtrail-result role="status" aria-live="polite">
        {answerText(t, answer)}
      </div>
      <button ref={ok} type="button" class="submit" onClick={close}>
        {t.ok}
      </button>
    </div>
  );
}

let closeLast: (() => void) | undefined;

/** A10 without a callback: shows the answer in a small dialog (a newer answer replaces an older one). */
export function showCallbackNotice(_api: WidgetApi, answer: Answer<'callback'>) {
  closeLast?.();
  const t = texts();
  return openDialog('notice', (close) => {
    closeLast = close;
    return (
      <Dialog kind="sitephone-notice" title={t.callTitle} closeLabel={t.close} close={close} describedBy="lt-notice">
        <Notice t={t} answer={answer} close={close} />
      </Dialog>
    );
  });
}
