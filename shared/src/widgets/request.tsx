// The request form (A3): name, phone, e-mail, message, the employee group when the site has groups,
// and a honeypot; it sends through `addOfflineRequest` (A4), so the request takes the outbox's path
// (kept, ordered, retried) like any page's own.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RequestFormOptions, WidgetApi } from './api';
import type { Group } from './groups';
import type { Texts } from './i18n';
import { isEmail, isPhone } from '../schemas/formats';
import { Dialog, openDialog } from './dialog';
import { errorId, fieldId as id, FormEnd, GroupField, useForm } from './form';
import { loadGroups } from './groups';
import { texts } from './i18n';

/** The fields a refusal can point at, in the form's order; `contact` is "phone or e-mail". */
const ORDER = ['name', 'contact', 'phone', 'email', 'message', 'group_id'] as const;
type Key = (typeof ORDER)[number];
type Values = Record<'name' | 'phone' | 'email' | 'message' | 'group_id' | 'website', string>;

const EMPTY: Values = { name: '', phone: '', email: '', message: '', group_id: '', website: '' };

/** The message of a refusal's `code` for its field. */
function codeText(t: Texts, code: string): string {
  if (code == 'invalid_phone') return t.phoneInvalid;
  if (code == 'invalid_email') return t.emailInvalid;
  if (code == 'invalid_name' || code == 'invalid_message') return t.tooLong;
  if (code == 'unknown_group' || code == 'invalid_group_id') return t.groupInvalid;
  return t.fieldInvalid;
}

function RequestForm({ api, t, formName, initial = '', close }: { api: WidgetApi; t: Texts; formName: string; initial?: string; close: () => void }) {
  const [v, setValues] = useState({ ...EMPTY, message: initial });
  const [groups, setGroups] = useState<Group[]>([]);
  const {
    errors,
    setErrors,
    state,
    setState,
    form,
    done,
    alive,
    show,
    sending,
    isKey,
    error: err,
    pending,
  } = useForm(ORDER, (key) => (key == 'contact' ? 'phone' : key));

  // oxlint-disable-next-line react-hooks/exhaustive-deps -- once, on opening: `api` lives as long as the widget
  useEffect(() => void loadGroups(api).then((g) => alive.current && setGroups(g)), []);

  function change(name: keyof Values, value: string) {
    setValues((old) => ({ ...old, [name]: value }));
    if (errors[name as Key] || (errors.contact && (name == 'phone' || name == 'email'))) {
      setErrors((old) => ({ ...old, [name]: undefined, ...(name == 'phone' || name == 'email' ? { contact: undefined } : {}) }));
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (pending) return;
    const name = v.name.trim();
    const phone = v.phone.trim();
    const email = v.email.trim();
    const errs: Partial<Record<Key, string>> = {};
    if (!phone && !email) errs.contact = t.contactMissing;
    if (phone && !isPhone(phone)) errs.phone = t.phoneInvalid;
    if (email && !isEmail(email)) errs.email = t.emailInvalid;
    if (show(errs)) return;
    const answer = await sending(() =>
      api.addOfflineRequest({
        name,
        phone,
        email,
        message: v.message.trim(),
        group_id: v.group_id ? Number(v.group_id) : undefined,
        form_name: formName,
        // The honeypot: people never see it; the server answers a filled one like a success and drops it.
        leadtrail_hp: v.website || undefined,
      }),
    );
    if (!answer) return;
    if (answer.success) return setState('sent');
    const { code, field } = answer.result;
    if (code == 'missing_contact') show({ contact: t.contactMissing });
    else if (!isKey(field) || !show({ [field]: codeText(t, code) })) setState('failed');
  }

  /** aria-invalid and aria-describedby of a field with error key `key` (and the contact error for phone and e-mail). */
  const invalid = (key: Key, contact?: boolean) => {
    const ids = [errors[key] && errorId(key), contact && errors.contact && errorId('contact')].filter(Boolean);
    return ids.length ? { 'aria-invalid': 'true' as const, 'aria-describedby': ids.join(' ') } : {};
  };
  const input = (name: 'name' | 'phone' | 'email', label: string, props: JSX.InputHTMLAttributes<HTMLInputElement>, contact?: boolean) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      <input id={id(name)} name={name} value={v[name]} onInput={(e) => change(name, e.currentTarget.value)} {...invalid(name, contact)} {...props} />
      {err(name)}
    </div>
  );
  const message = { sending: t.sending, slow: t.slow, sent: t.sent, failed: t.failed, fix: t.fix, edit: '' }[state];

  return (
    <form ref={form} onSubmit={submit} noValidate>
      {state == 'sent' ? null : (
        <div>
          <p class="intro">{t.intro}</p>
          {input('name', t.name, { autoComplete: 'name', maxLength: 255 })}
          <fieldset>
            <legend>{t.contact}</legend>
            <div class="pair">
              {input('phone', t.phone, { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 64 }, true)}
              {input('email', t.email, { type: 'email', autoComplete: 'email', maxLength: 254 }, true)}
            </div>
            {err('contact')}
          </fieldset>
          <div class="field">
            <label for={id('message')}>{t.message}</label>
            <textarea
              id={id('message')}
              name="message"
              rows={3}
              maxLength={10000}
              value={v.message}
              onInput={(e) => change('message', e.currentTarget.value)}
              {...invalid('message')}
            />
            {err('message')}
          </div>
          <GroupField
            t={t}
            groups={groups}
            value={v.group_id}
            onChange={(value) => change('group_id', value)}
            invalid={invalid('group_id')}
            error={err('group_id')}
          />
          <div class="hp" aria-hidden="true">
            <label for={id('website')}>{t.website}</label>
            <input
              id={id('website')}
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={v.website}
              onInput={(e) => change('website', e.currentTarget.value)}
            />
          </div>
        </div>
      )}
      <FormEnd t={t} state={state} message={message} submit={t.submit} pending={pending} done={done} close={close} />
    </form>
  );
}

/** A3: opens the request form, or focuses it when it is open already. */
export function openRequestForm(api: WidgetApi, options: RequestFormOptions = {}) {
  const t = texts();
  return openDialog('request', (close) => (
    <Dialog kind="request" title={t.title} closeLabel={t.close} close={close}>
      <RequestForm api={api} t={t} formName={options.formName || t.formName} initial={options.message} close={close} />
    </Dialog>
  ));
}
