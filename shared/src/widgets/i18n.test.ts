// The widgets' texts: the bundled Russian or English by the page's language, and the site's own
// translations the plugin puts in the runtime tag's data-texts over them.
import { afterEach, describe, expect, it } from 'vitest';
import { texts, withSiteTexts } from './i18n';
import { chatTexts } from '../chat/texts';

/** Puts the runtime's tag in the page with `data-texts` as given (none when undefined). */
function runtimeTag(dataTexts?: string): void {
  const script = document.createElement('script');
  script.id = 'leadtrail-runtime';
  if (dataTexts !== undefined) script.setAttribute('data-texts', dataTexts);
  document.head.append(script);
}

afterEach(() => document.getElementById('leadtrail-runtime')?.remove());

describe('the widgets’ texts', () => {
  it('are Russian on a Russian page and English elsewhere, with no data-texts', () => {
    runtimeTag();
    expect(texts('ru-RU').title).toBe('Оставить заявку');
    expect(texts('ru').title).toBe('Оставить заявку');
    expect(texts('rue').title).toBe('Leave a request');
    expect(texts('de-DE').title).toBe('Leave a request');
    expect(chatTexts('ru-RU').title).toBe('Чат с нами');
    expect(chatTexts('en-US').title).toBe('Chat with us');
  });

  it('take the site’s translations from data-texts, each dictionary its own', () => {
    runtimeTag(JSON.stringify({ widgets: { title: 'Anfrage senden', submit: 'Senden' }, chat: { title: 'Chatten Sie mit uns' } }));
    const widgets = texts('de-DE');
    expect(widgets.title).toBe('Anfrage senden');
    expect(widgets.submit).toBe('Senden');
    // What the site does not translate stays as bundled.
    expect(widgets.close).toBe('Close');
    expect(chatTexts('de-DE').title).toBe('Chatten Sie mit uns');
    expect(chatTexts('de-DE').send).toBe('Send');
  });

  it('over the bundled Russian too, where the site’s Russian differs', () => {
    runtimeTag(JSON.stringify({ widgets: { submit: 'Жду звонка' } }));
    expect(texts('ru-RU').submit).toBe('Жду звонка');
    expect(texts('ru-RU').title).toBe('Оставить заявку');
  });

  it.each([
    ['not JSON', '{"widgets": {'],
    ['null', 'null'],
    ['a list', '["x"]'],
    ['a dictionary that is a string', '{"widgets": "x"}'],
  ])('ignore data-texts that is %s', (_, value) => {
    runtimeTag(value);
    expect(texts('en')).toEqual(texts('en-GB'));
    expect(texts('en').title).toBe('Leave a request');
  });

  it('take only known keys with non-empty strings', () => {
    runtimeTag(JSON.stringify({ widgets: { title: '', submit: 5, intro: { x: 1 }, unknown: 'x', __proto__: 'x', close: 'Schließen' } }));
    const widgets = withSiteTexts({ title: 'T', submit: 'S', intro: 'I', close: 'C' }, 'widgets');
    expect(widgets).toEqual({ title: 'T', submit: 'S', intro: 'I', close: 'Schließen' });
  });
});
