// The callback ("sitephone") form (A7; docs/contracts.md, "Callback orders"): the phone with the
// site's mask (A9), an optional preferred time, the employee group when the site has groups, and
// the captcha when the settings switch it on. It orders the call through `sitePhoneCall` (A10), so
// the order takes the outbox's path like a page's own, and shows each answer's status.
import { useEffect, useState } from 'preact/hooks';
import type { CaptchaAnswer } from '../schemas/answers';
import type { SitePhoneFormOptions, WidgetApi } from './api';
import type { CallbackSettings, Group } from './groups';
import type { Texts } from './i18n';
import { Dialog, openDialog } from './dialog';
import { errorId, fieldId as id, FormEnd, GroupField, useForm } from './form';
import { loadCallbackSettings, loadGroups } from './groups';
import { texts } from './i18n';
import { applyMask, isMask } from './mask';
import { answerText, fieldText } from './notice';

/** The fields, in the form's order (a refusal's field is shown next to it). */
const ORDER = ['phone', 'delayed_call_time', 'group_id', 'captcha_value'] as const;
type Name = (typeof ORDER)[number];
type Values = Record<Name, string>;

const EMPTY: Values = { phone: '', delayed_call_time: '', group_id: '', captcha_value: '' };

/** `d` as a `datetime-local` value (local time, to the minute). */
const localTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 16);

function SitePhoneForm({ api, t, mask: pushed, close }: { api: WidgetApi; t: Texts; mask?: string; close: () => void }) {
  const [v, setValues] = useState(EMPTY);
  const { errors, setErrors, state, setState, form, done, alive, show, sending, isKey, error: err, pending } = useForm(ORDER);
  /** The text of a status 2-4 (or a refusal of no field), shown when the state is `failed`. */
  const [failure, setFailure] = useState('');
  const [groups, setGroups] = useState<Group[]>([]);
  const [settings, setSettings] = useState<CallbackSettings>({ captcha: false });
  /** The captcha shown: its key and picture; an error when none could be had; undefined while it loads. */
  const [captcha, setCaptcha] = useState<CaptchaAnswer>();
  const mask = isMask(pushed) ? pushed : isMask(settings.mask) ? settings.mask : undefined;

  function newCaptcha() {
    setCaptcha(undefined);
    void api.getCaptcha().then((c) => alive.current && setCaptcha(c));
  }

  useEffect(() => {
    void loadGroups(api).then((g) => alive.current && setGroups(g));
    void loadCallbackSettings(api).then((s) => {
      if (!alive.current) return;
      setSettings(s);
      if (s.captcha) newCaptcha();
    });
    // Once, on opening: `api` lives as long as the widget.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function change(name: Name, value: string) {
    setValues((old) => ({ ...old, [name]: value }));
    if (errors[name]) setErrors((old) => ({ ...old, [name]: undefined }));
  }

  function phoneInput(e: Event) {
    const el = e.currentTarget as HTMLInputElement;
    if (!mask) return change('phone', el.value);
    const m = applyMask(mask, v.phone, el.value, el.selectionStart ?? el.value.length, (e as InputEvent).inputType);
    el.value = m.value;
    el.setSelectionRange(m.caret, m.caret);
    change('phone', m.value);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (pending) return;
    const key = captcha?.key;
    const errs: Partial<Record<Name, string>> = {};
    if (!v.phone.trim()) errs.phone = t.callPhoneMissing;
    if (settings.captcha && !v.captcha_value.trim()) errs.captcha_value = t.captchaMissing;
    if (show(errs)) return;
    const answer = await sending(() =>
      api.sitePhoneCall({
        phone: v.phone,
        delayed_call_time: v.delayed_call_time ? new Date(v.delayed_call_time).getTime() : undefined,
        group_id: v.group_id ? Number(v.group_id) : undefined,
        captcha_key: settings.captcha ? key || undefined : undefined,
        captcha_value: settings.captcha ? v.captcha_value.trim() : undefined,
      }),
    );
    if (!answer) return;
    if (answer.success) return setState('sent');
    const { status, code, field } = answer.result as { status: number; code: string; field?: string };
    // A key the server looked at is used up, right or wrong: every answer but a refused input.
    if ((settings.captcha || status == 1) && (!field || field.startsWith('captcha'))) {
      if (!settings.captcha) setSettings((s) => ({ ...s, captcha: true }));
      setValues((old) => ({ ...old, captcha_value: '' }));
      newCaptcha();
    }
    const name = status == 1 || (field || '').startsWith('captcha') ? 'captcha_value' : field;
    if (!isKey(name) || !show({ [name]: name == 'captcha_value' ? t.captchaWrong : fieldText(t, code, field) })) {
      setFailure(answerText(t, answer));
      setState('failed');
    }
  }

  const invalid = (name: Name, hint?: string) => {
    const ids = [errors[name] && errorId(name), hint].filter(Boolean);
    return { 'aria-invalid': errors[name] ? ('true' as const) : undefined, 'aria-describedby': ids.join(' ') || undefined };
  };
  const message = { sending: t.sending, slow: t.callSlow, sent: t.callSent, failed: failure, fix: t.fix, edit: '' }[state];

  return (
    <form ref={form} onSubmit={submit} noValidate>
      {state == 'sent' ? null : (
        <div>
          <p class="intro">{t.callIntro}</p>
          <div class="field">
            <label for={id('phone')}>{t.phone}</label>
            <input
              id={id('phone')}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={64}
              placeholder={mask}
              value={v.phone}
              onInput={phoneInput}
              {...invalid('phone')}
            />
            {err('phone')}
          </div>
          <div class="field">
            <label for={id('delayed_call_time')}>{t.callTime}</label>
            <input
              id={id('delayed_call_time')}
              name="delayed_call_time"
              type="datetime-local"
              min={localTime(new Date())}
              max={localTime(new Date(Date.now() + 2592e6))}
              value={v.delayed_call_time}
              onInput={(e) => change('delayed_call_time', e.currentTarget.value)}
              {...invalid('delayed_call_time', id('time-hint'))}
            />
            <p class="hint" id={id('time-hint')}>
              {t.callTimeHint}
            </p>
            {err('delayed_call_time')}
          </div>
          <GroupField
            t={t}
            groups={groups}
            value={v.group_id}
            onChange={(value) => change('group_id', value)}
            invalid={invalid('group_id')}
            error={err('group_id')}
          />
          {settings.captcha && (
            <div class="field">
              <label for={id('captcha_value')}>{t.captcha}</label>
              <div class="captcha">
                {captcha?.url ? (
                  <img src={captcha.url} alt={t.captchaAlt} />
                ) : (
                  <span class="pic" role={captcha ? 'alert' : undefined}>
                    {captcha ? t.captchaFailed : t.loading}
                  </span>
                )}
                <button type="button" class="more" onClick={newCaptcha}>
                  {t.captchaNew}
                </button>
              </div>
              <input
                id={id('captcha_value')}
                name="captcha_value"
                inputMode="numeric"
                autoComplete="off"
                maxLength={16}
                value={v.captcha_value}
                onInput={(e) => change('captcha_value', e.currentTarget.value)}
                {...invalid('captcha_value')}
              />
              {err('captcha_value')}
            </div>
          )}
        </div>
      )}
      <FormEnd t={t} state={state} message={message} submit={t.call} pending={pending} done={done} close={close} />
    </form>
  );
}

/** A7: opens the callback form, or focuses it when it is open already. */
export function openSitePhoneForm(api: WidgetApi, options: SitePhoneFormOptions = {}) {
  const t = texts();
  return openDialog('sitephone', (close) => (
    <Dialog kind="sitephone" title={t.callTitle} closeLabel={t.close} close={close}>
      <SitePhoneForm api={api} t={t} mask={options.mask} close={close} />
    </Dialog>
  ));
}
