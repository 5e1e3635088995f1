// The widgets' texts, Russian or English by the page's language (docs/contracts.md, "Widgets"),
// with the site's own translations over them (docs/translations.md).

const en = {
  title: 'Leave a request',
  intro: 'Leave your phone number or e-mail and we will get back to you.',
  close: 'Close',
  name: 'Your name',
  contact: 'Phone or e-mail (at least one)',
  phone: 'Phone',
  email: 'E-mail',
  message: 'Message',
  group: 'Department',
  anyGroup: 'Any department',
  website: 'Website',
  submit: 'Send',
  sending: 'Sending…',
  contactMissing: 'Enter a phone number or an e-mail.',
  phoneInvalid: 'Check the phone number: 7 to 15 digits.',
  emailInvalid: 'Check the e-mail address.',
  tooLong: 'This text is too long.',
  groupInvalid: 'Choose another department.',
  fieldInvalid: 'Check this field.',
  fix: 'Please correct the marked fields.',
  sent: 'Thank you! Your request has been sent. We will contact you soon.',
  slow: 'The connection is slow or lost. Your request is saved and will be sent automatically; you can close this window.',
  failed: 'The request could not be sent. Please try again later.',
  formName: 'Request form',
  // The callback ("sitephone") form and its notice (A7, A10).
  callTitle: 'Request a call back',
  callIntro: 'Leave your number and we will call you back.',
  callPhoneMissing: 'Enter your phone number.',
  callTime: 'Preferred time (optional)',
  callTimeHint: 'Leave it empty and we will call as soon as we can.',
  callTimeInvalid: 'Choose a time from now to 30 days ahead.',
  captcha: 'Code from the picture',
  captchaAlt: 'A picture with 4 digits',
  captchaNew: 'New picture',
  captchaMissing: 'Enter the code from the picture.',
  captchaWrong: 'The code was wrong. Enter the code from the new picture.',
  captchaFailed: 'The picture did not load.',
  loading: 'Loading…',
  call: 'Call me back',
  callSent: 'Thank you! We will call you back soon.',
  callSlow: 'The connection is slow or lost. Your call back request is saved and will be sent automatically; you can close this window.',
  status1: 'The code from the picture was wrong. Please try again.',
  status2: 'Call backs are not available right now.',
  status3: 'Something went wrong. Please try again later.',
  status4: 'Too many requests. Please try again in a minute.',
  ok: 'OK',
};

export type Texts = typeof en;

const ru: Texts = {
  title: 'Оставить заявку',
  intro: 'Оставьте телефон или e-mail, и мы свяжемся с вами.',
  close: 'Закрыть',
  name: 'Ваше имя',
  contact: 'Телефон или e-mail (хотя бы одно)',
  phone: 'Телефон',
  email: 'E-mail',
  message: 'Сообщение',
  group: 'Отдел',
  anyGroup: 'Любой отдел',
  website: 'Сайт',
  submit: 'Отправить',
  sending: 'Отправляем…',
  contactMissing: 'Укажите телефон или e-mail.',
  phoneInvalid: 'Проверьте номер телефона: от 7 до 15 цифр.',
  emailInvalid: 'Проверьте адрес e-mail.',
  tooLong: 'Слишком длинный текст.',
  groupInvalid: 'Выберите другой отдел.',
  fieldInvalid: 'Проверьте это поле.',
  fix: 'Исправьте отмеченные поля.',
  sent: 'Спасибо! Заявка отправлена, мы скоро свяжемся с вами.',
  slow: 'Связь медленная или пропала. Заявка сохранена и будет отправлена автоматически; окно можно закрыть.',
  failed: 'Не удалось отправить заявку. Попробуйте позже.',
  formName: 'Форма заявки',
  callTitle: 'Заказать обратный звонок',
  callIntro: 'Оставьте номер, и мы вам перезвоним.',
  callPhoneMissing: 'Укажите номер телефона.',
  callTime: 'Удобное время (необязательно)',
  callTimeHint: 'Если оставить пустым, перезвоним как можно скорее.',
  callTimeInvalid: 'Выберите время от текущего момента до 30 дней вперёд.',
  captcha: 'Код с картинки',
  captchaAlt: 'Картинка с 4 цифрами',
  captchaNew: 'Другая картинка',
  captchaMissing: 'Введите код с картинки.',
  captchaWrong: 'Код неверный. Введите код с новой картинки.',
  captchaFailed: 'Картинка не загрузилась.',
  loading: 'Загрузка…',
  call: 'Перезвоните мне',
  callSent: 'Спасибо! Мы скоро вам перезвоним.',
  callSlow: 'Связь медленная или пропала. Заявка на звонок сохранена и будет отправлена автоматически; окно можно закрыть.',
  status1: 'Код с картинки введён неверно. Попробуйте ещё раз.',
  status2: 'Обратный звонок сейчас недоступен.',
  status3: 'Что-то пошло не так. Попробуйте позже.',
  status4: 'Слишком много запросов. Попробуйте через минуту.',
  ok: 'OK',
};

/** Whether `lang` (by default the page's) is Russian: `ru`, `ru-RU`..., not `rue` or `run`. */
export const isRussian = (lang = document.documentElement.lang): boolean => /^ru(?![a-z])/i.test(lang);

/**
 * `base` with the site's translations that differ from it, which the plugin puts in the runtime
 * tag's `data-texts` as `{"widgets": {key: text}, "chat": {...}}`: only keys `base` has, only
 * non-empty strings; anything else there is ignored.
 */
export function withSiteTexts<T extends Record<string, string>>(base: T, name: 'widgets' | 'chat'): T {
  const out: Record<string, string> = { ...base };
  let given: unknown;
  try {
    given = JSON.parse(document.getElementById('leadtrail-runtime')?.getAttribute('data-texts') || '{}')[name];
  } catch {
    // A broken attribute leaves the bundled texts.
  }
  if (given && typeof given == 'object') {
    for (const key of Object.keys(base)) {
      const text: unknown = (given as Record<string, unknown>)[key];
      if (typeof text == 'string' && text) out[key] = text;
    }
  }
  return out as T;
}

/** The texts for `lang` (`document.documentElement.lang`): `ru*` is Russian, anything else English; then the site's. */
export const texts = (lang = document.documentElement.lang): Texts => withSiteTexts(isRussian(lang) ? ru : en, 'widgets');
