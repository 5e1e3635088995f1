// The translations (wp-plugin/languages/*.po) against the strings of the code as the build extracts
// them now: a string added to the PHP, the overview script or a widget's dictionary without its
// translation fails here, named, so that it can be translated.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWidgetTexts, describeGaps, extractAll, poFiles, translationGaps } from '../../scripts/translations.mjs';
import { widgetTexts } from '../../scripts/js-strings.mjs';
import { entryKey, headerFields, parsePo, type PoEntry } from '../../scripts/po.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = (msgid: string, msgstr: string[], more: Partial<PoEntry> = {}): PoEntry => ({ msgid, msgstr, comments: [], references: [], flags: [], ...more });

describe('the translations', () => {
  const strings = extractAll();

  it('the extraction finds the PHP’s strings and the overview script’s, JSX included', () => {
    const ids = strings.map((e) => e.msgid);
    expect(ids).toContain('LeadTrail settings');
    expect(ids).toContain('E-mail the site admin for each new request');
    // After a template literal inside JSX, where xgettext's JavaScript parser stops seeing strings.
    expect(ids).toContain('Download CSV');
    const plural = strings.find((e) => e.msgid === '%s session');
    expect(plural?.msgid_plural).toBe('%s sessions');
    expect(strings.find((e) => e.msgctxt === 'request status' && e.msgid === 'New')).toBeDefined();
  });

  it('a Russian translation exists, with Russian plural forms', () => {
    const ru = poFiles().get('ru_RU');
    expect(ru).toBeDefined();
    const header = headerFields(parsePo(fs.readFileSync(ru!, 'utf8')));
    expect(header['Language']).toBe('ru_RU');
    expect(header['Plural-Forms']).toMatch(/^nplurals=3;/);
  });

  it('the extraction finds the widgets’ and the chat’s texts, with the context `widget`', () => {
    const widget = (msgid: string) => strings.find((e) => e.msgctxt === 'widget' && e.msgid === msgid);
    expect(widget('Leave a request')?.comments).toEqual(['Front-end widget text widgets.title', 'Front-end widget text chat.request']);
    expect(widget('Request a call back')).toBeDefined();
    expect(widget('Chat with us')?.references).toEqual(['shared/src/chat/texts.ts']);
    // Every key of both dictionaries is there.
    for (const text of widgetTexts(root)) expect(widget(text.en), `${text.name}.${text.key}`).toBeDefined();
  });

  it('the Russian .po translates each widget text as the bundle does, so that a Russian site hands the widgets nothing', () => {
    const po = new Map(parsePo(fs.readFileSync(poFiles().get('ru_RU')!, 'utf8')).map((e) => [entryKey(e), e.msgstr[0]]));
    const differ = widgetTexts(root)
      .filter((t) => po.get(entryKey({ msgctxt: 'widget', msgid: t.en } as PoEntry)) !== t.ru)
      .map((t) => `${t.name}.${t.key}: the bundle says ${JSON.stringify(t.ru)}`);
    expect(differ).toEqual([]);
  });

  it('the widgets’ texts for the PHP hold each key’s English and bundled Russian', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leadtrail-widget-texts-')), 'widget-texts.php');
    buildWidgetTexts(file);
    const read = JSON.parse(execFileSync('php', ['-r', `echo json_encode(require '${file}');`], { encoding: 'utf8' }));
    expect(read.widgets.title).toEqual(['Leave a request', 'Оставить заявку']);
    expect(read.chat.title).toEqual(['Chat with us', 'Чат с нами']);
    expect(Object.keys(read.widgets).length + Object.keys(read.chat).length).toBe(widgetTexts(root).length);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  for (const [locale, file] of poFiles()) {
    it(`${locale}: every string of the code is translated, none empty or fuzzy, placeholders kept`, () => {
      const gaps = describeGaps(file, translationGaps(strings, parsePo(fs.readFileSync(file, 'utf8'))));
      expect(gaps, `translate these in ${file}:\n${gaps.join('\n')}`).toEqual([]);
    });
  }
});

describe('translationGaps', () => {
  const wanted = [entry('Save', ['']), entry('%d day', ['', ''], { msgid_plural: '%d days' }), entry('New', [''], { msgctxt: 'request status' })];

  it('finds nothing when each string is translated', () => {
    const po = [
      entry('Save', ['Сохранить']),
      entry('%d day', ['%d день', '%d дня', '%d дней'], { msgid_plural: '%d days' }),
      entry('New', ['Новая'], { msgctxt: 'request status' }),
    ];
    expect(translationGaps(wanted, po)).toEqual({ missing: [], empty: [], fuzzy: [], placeholders: [] });
  });

  it('names the missing, empty, fuzzy and placeholder-changing entries', () => {
    const po = [
      entry('Save', ['Сохранить'], { flags: ['fuzzy'] }),
      entry('%d day', ['%d день', '', 'дней'], { msgid_plural: '%d days' }),
      // The same msgid without its context is another string.
      entry('New', ['Новый']),
    ];
    expect(translationGaps(wanted, po)).toEqual({ missing: ['request status | New'], empty: ['%d day'], fuzzy: ['Save'], placeholders: [] });
    expect(translationGaps([wanted[1]!], [entry('%d day', ['%d день', '%d дня', 'много дней'], { msgid_plural: '%d days' })]).placeholders).toEqual(['%d day']);
  });
});
