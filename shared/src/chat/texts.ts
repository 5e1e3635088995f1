// The chat window's texts, Russian or English by the page's language, as the other widgets, with the
// site's own translations over them.
import { isRussian, withSiteTexts } from '../widgets/i18n';

const en = {
  title: 'Chat with us',
  close: 'Close',
  intro: 'Write your question: an operator will answer here.',
  message: 'Your message',
  send: 'Send',
  operator: 'Operator',
  you: 'You',
  typing: 'typing…',
  waiting: 'Waiting for an operator…',
  ended: 'The chat has ended.',
  noAnswer: 'Nobody is free to answer right now. Leave a request and we will get back to you.',
  request: 'Leave a request',
  failed: 'The message could not be sent. Please try again.',
  tooFast: 'Too many messages. Please wait a minute.',
  offline: 'The connection is lost; trying again…',
  unavailable: 'The chat is not available on this page.',
  contacts: 'Leave your contacts',
  saveContacts: 'Save contacts',
  contactsSaved: 'Thank you, we have your contacts.',
};

export type ChatTexts = typeof en;

const ru: ChatTexts = {
  title: 'Чат с нами',
  close: 'Закрыть',
  intro: 'Напишите вопрос: оператор ответит здесь.',
  message: 'Ваше сообщение',
  send: 'Отправить',
  operator: 'Оператор',
  you: 'Вы',
  typing: 'печатает…',
  waiting: 'Ждём оператора…',
  ended: 'Чат завершён.',
  noAnswer: 'Сейчас никто не может ответить. Оставьте заявку, и мы свяжемся с вами.',
  request: 'Оставить заявку',
  failed: 'Не удалось отправить сообщение. Попробуйте ещё раз.',
  tooFast: 'Слишком много сообщений. Подождите минуту.',
  offline: 'Связь пропала; пробуем снова…',
  unavailable: 'Чат недоступен на этой странице.',
  contacts: 'Оставить контакты',
  saveContacts: 'Сохранить контакты',
  contactsSaved: 'Спасибо, ваши контакты сохранены.',
};

/** The texts for `lang`: `ru*` is Russian, anything else English; then the site's own translations. */
export const chatTexts = (lang = document.documentElement.lang): ChatTexts => withSiteTexts(isRussian(lang) ? ru : en, 'chat');
