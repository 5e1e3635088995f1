// What the request form and the callback form share: their states, showing errors next to their
// fields with the focus on the first one, the "slow" notice while an answer waits, the group
// select, and the end of the form (the live result and the submit or close button).
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Group } from './groups';
import type { Texts } from './i18n';

/** After this long without an answer the form says the submission is kept and will go out later. */
export const SLOW_MS = 8000;

/** `fix`: errors shown; `slow`: no answer yet (offline, or the server asks to wait); `failed`: a final refusal. */
export type FormState = 'edit' | 'fix' | 'sending' | 'slow' | 'sent' | 'failed';

export const fieldId = (name: string) => 'lt-' + name;
export const errorId = (name: string) => fieldId(name) + '-error';

/**
 * A form's state and errors. `order` lists the error keys in the form's order: `show` focuses
 * the field of the first (through `fieldOf`, for keys that are not a field of their own).
 */
export function useForm<K extends string>(order: readonly K[], fieldOf: (key: K) => string = (key) => key) {
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [state, setState] = useState<FormState>('edit');
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const alive = useRef(true);
  /** The field to focus once the errors are on screen (so its description is read with it). */
  const focusNext = useRef<string>();

  useEffect(() => () => void (alive.current = false), []);
  useEffect(() => {
    const name = focusNext.current;
    focusNext.current = undefined;
    if (name) form.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
  }, [errors]);
  useEffect(() => {
    if (state == 'sent') done.current?.focus();
  }, [state]);

  /** Shows `errs` and focuses the first field with one; false when there are none. */
  function show(errs: Partial<Record<K, string>>): boolean {
    const first = order.find((k) => errs[k]);
    if (!first) return false;
    focusNext.current = fieldOf(first);
    setErrors(errs);
    setState('fix');
    return true;
  }

  /** The answer of `send`, with the form saying "sending" (then "slow") meanwhile; undefined once the form is closed. */
  async function sending<T>(send: () => Promise<T>): Promise<T | undefined> {
    setErrors({});
    setState(navigator.onLine === false ? 'slow' : 'sending');
    const timer = setTimeout(() => alive.current && setState((s) => (s == 'sending' ? 'slow' : s)), SLOW_MS);
    const answer = await send();
    clearTimeout(timer);
    // `queued`: the call is saved and goes out by itself; the form keeps saying so and sends nothing
    // more (a second press would make a second lead).
    if ((answer as { result?: { code?: unknown } }).result?.code == 'queued') {
      if (alive.current) setState('slow');
      return;
    }
    return alive.current ? answer : undefined;
  }

  const isKey = (key: unknown): key is K => (order as readonly unknown[]).includes(key);
  const error = (key: K) =>
    errors[key] && (
      <p class="error" id={errorId(key)}>
        {errors[key]}
      </p>
    );
  return { errors, setErrors, state, setState, form, done, alive, show, sending, isKey, error, pending: state == 'sending' || state == 'slow' };
}

/** The employee group select (`group_id`), shown only when the site has groups. */
export function GroupField({
  t,
  groups,
  value,
  onChange,
  invalid,
  error,
}: {
  t: Texts;
  groups: Group[];
  value: string;
  onChange: (value: string) => void;
  invalid: Record<string, string | undefined>;
  error: unknown;
}) {
  if (groups.length == 0) return null;
  return (
    <div class="field">
      <label for={fieldId('group_id')}>{t.group}</label>
      <select id={fieldId('group_id')} name="group_id" value={value} onChange={(e) => onChange(e.currentTarget.value)} {...invalid}>
        <option value="">{t.anyGroup}</option>
        {groups.map((g) => (
          <option key={g.id} value={String(g.id)}>
            {g.name}
          </option>
        ))}
      </select>
      {error}
    </div>
  );
}

/** The live result line, then the submit button, or once sent the close button (which gets the focus). */
export function FormEnd({
  t,
  state,
  message,
  submit,
  pending,
  done,
  close,
}: {
  t: Texts;
  state: FormState;
  message: string;
  submit: string;
  pending: boolean;
  done: RefObject<HTMLButtonElement>;
  close: () => void;
}) {
  return (
    <>
      <div class={'result ' + state} data-leadtrail-result role="status" aria-live="polite">
        {message}
      </div>
      {state == 'sent' ? (
        <button ref={done} type="button" class="submit" onClick={close}>
          {t.close}
        </button>
      ) : (
        <button type="submit" class="submit" aria-disabled={pending ? 'true' : undefined}>
          {pending ? t.sending : submit}
        </button>
      )}
    </>
  );
}
