// The request form (A3): name, phone, e-mail, message, the employee group when the site has groups,
// and a honeypot; it sends through `addOfflineRequest` (A4), so the request takes the outbox's path
// (kept, ordered, retried) like any page's own.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RequestFormOptions, WidgetApi } from './api';
import type { Group } from './groups';
import type { Texts } from './i18n';
import { isEmail, isPhone } from '../schemas/formats';
import { Dialog, openDialog } from './dialog';
import { loadGroups } from './groups';
import { texts } from './i18n';

/** After this long without an answer the form says the request is kept and will go out later. */
export const SLOW_MS = 8000;

/** The fields a refusal can point at, in the form's order; `contact` is "phone or e-mail". */
const ORDER = ['name', 'contact', 'phone', 'email', 'message', 'group_id'] as const;
type Key = (typeof ORDER)[number];
type Errors = Partial<Record<Key, string>>;
type Values = Record<'name' | 'phone' | 'email' | 'message' | 'group_id' | 'website', string>;
/** `fix`: errors shown; `slow`: no answer yet (offline, or the server asks to wait); `failed`: a refusal of no field. */
type State = 'edit' | 'fix' | 'sending' | 'slow' | 'sent' | 'failed';

const EMPTY: Values = { name: '', phone: '', email: '', message: '', group_id: '', website: '' };

/** The message of a refusal's `code` for its field. */
function codeText(t: Texts, code: string): string {
  if (code == 'invalid_phone') return t.phoneInvalid;
  if (code == 'invalid_email') return t.emailInvalid;
  if (code == 'invalid_name' || code == 'invalid_message') return t.tooLong;
  if (code == 'unknown_group' || code == 'invalid_group_id') return t.groupInvalid;
  return t.fieldInvalid;
}

export function RequestForm({ api, t, formName, close }: { api: WidgetApi; t: Texts; formName: string; close: () => void }) {
  const [v, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<State>('edit');
  const [groups, setGroups] = useState<Group[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const alive = useRef(true);
  /** The field to focus once the errors are on screen (so its description is read with it). */
  const focusNext = useRef<string>();

  useEffect(() => {
    void loadGroups(api.rest).then((g) => alive.current && setGroups(g));
    return () => void (alive.current = false);
  }, []);
  useEffect(() => {
    const name = focusNext.current;
    focusNext.current = undefined;
    if (name) form.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
  }, [errors]);
  useEffect(() => {
    if (state == 'sent') done.current?.focus();
  }, [state]);

  const pending = state == 'sending' || state == 'slow';

  function change(name: keyof Values, value: string) {
    setValues((old) => ({ ...old, [name]: value }));
    if (errors[name as Key] || (errors.contact && (name == 'phone' || name == 'email'))) {
      setErrors((old) => ({ ...old, [name]: undefined, ...(name == 'phone' || name == 'email' ? { contact: undefined } : {}) }));
    }
  }

  /** Shows `errs` (if any) and focuses the first field with one; false when there are none. */
  function show(errs: Errors): boolean {
    const first = ORDER.find((k) => errs[k]);
    if (!first) return false;
    focusNext.current = first == 'contact' ? 'phone' : first;
    setErrors(errs);
    setState('fix');
    return true;
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (pending) return;
    const name = v.name.trim();
    const phone = v.phone.trim();
    const email = v.email.trim();
    const errs: Errors = {};
    if (!phone && !email) errs.contact = t.contactMissing;
    if (phone && !isPhone(phone)) errs.phone = t.phoneInvalid;
    if (email && !isEmail(email)) errs.email = t.emailInvalid;
    if (show(errs)) return;
    setErrors({});
    setState(navigator.onLine === false ? 'slow' : 'sending');
    const timer = setTimeout(() => alive.current && setState((s) => (s == 'sending' ? 'slow' : s)), SLOW_MS);
    const answer = await api.addOfflineRequest({
      name,
      phone,
      email,
      message: v.message.trim(),
      group_id: v.group_id ? Number(v.group_id) : undefined,
      form_name: formName,
      // The honeypot: people never see it; the server answers a filled one like a success and drops it.
      leadtrail_hp: v.website || undefined,
    });
    clearTimeout(timer);
    if (!alive.current) return;
    if (answer.success) return setState('sent');
    const { code, field } = answer.result;
    if (code == 'missing_contact') show({ contact: t.contactMissing });
    else if (!(ORDER as readonly string[]).includes(field || '') || !show({ [field as Key]: codeText(t, code) })) setState('failed');
  }

  const id = (name: string) => 'lt-' + name;
  const errorId = (name: string) => id(name) + '-error';
  /** aria-invalid and aria-describedby of a field with error key `key` (and the contact error for phone and e-mail). */
  const invalid = (key: Key, contact?: boolean) => {
    const ids = [errors[key] && errorId(key), contact && errors.contact && errorId('contact')].filter(Boolean);
    return ids.length ? { 'aria-invalid': 'true' as const, 'aria-describedby': ids.join(' ') } : {};
  };
  const err = (key: Key) => errors[key] && <p class="error" id={errorId(key)}>{errors[key]}</p>;
  const input = (name: 'name' | 'phone' | 'email', label: string, props: JSX.InputHTMLAttributes<HTMLInputElement>, contact?: boolean) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      <input id={id(name)} name={name} value={v[name]} onInput={(e) => change(name, e.currentTarget.value)}
        {...invalid(name, contact)} {...props} />
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
            <textarea id={id('message')} name="message" rows={3} maxLength={10000} value={v.message}
              onInput={(e) => change('message', e.currentTarget.value)} {...invalid('message')} />
            {err('message')}
          </div>
          {groups.length > 0 && (
            <div class="field">
              <label for={id('group_id')}>{t.group}</label>
              <select id={id('group_id')} name="group_id" value={v.group_id}
                onChange={(e) => change('group_id', e.currentTarget.value)} {...invalid('group_id')}>
                <option value="">{t.anyGroup}</option>
                {groups.map((g) => <option key={g.id} value={String(g.id)}>{g.name}</option>)}
              </select>
              {err('group_id')}
            </div>
          )}
          <div class="hp" aria-hidden="true">
            <label for={id('website')}>{t.website}</label>
            <input id={id('website')} name="website" type="text" tabIndex={-1} autoComplete="off" value={v.website}
              onInput={(e) => change('website', e.currentTarget.value)} />
          </div>
        </div>
      )}
      <div class={'result ' + state} data-leadtrail-result role="status" aria-live="polite">{message}</div>
      {state == 'sent'
        ? <button ref={done} type="button" class="submit" onClick={close}>{t.close}</button>
        : <button type="submit" class="submit" aria-disabled={pending ? 'true' : undefined}>{pending ? t.sending : t.submit}</button>}
    </form>
  );
}

/** A3: opens the request form, or focuses it when it is open already. */
export function openRequestForm(api: WidgetApi, options: RequestFormOptions = {}) {
  const t = texts();
  return openDialog('request', (close) => (
    <Dialog kind="request" title={t.title} closeLabel={t.close} close={close}>
      <RequestForm api={api} t={t} formName={options.formName || t.formName} close={close} />
    </Dialog>
  ));
}
