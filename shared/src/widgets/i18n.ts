// The widgets' texts, Russian or English by the page's language (docs/contracts.md, "Widgets").

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
};

/** The texts for `lang` (`document.documentElement.lang`): `ru*` is Russian, anything else English. */
export const texts = (lang = document.documentElement.lang): Texts => (/^ru(?![a-z])/i.test(lang) ? ru : en);
