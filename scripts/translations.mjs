// The plugin's translations, as WordPress loads them (docs/translations.md):
//   wp-plugin/languages/leadtrail.pot       every string of the PHP and of the overview script (built)
//   wp-plugin/languages/leadtrail-LL_CC.po  a translation (kept in git, edited by translators)
//   wp-plugin/languages/leadtrail-LL_CC.mo  the PHP's compiled catalogue (built, msgfmt)
//   wp-plugin/languages/leadtrail-LL_CC-<md5>.json  the overview script's strings in Jed format (built)
//   wp-plugin/build/widget-texts.php        the front-end widgets' English and bundled Russian, for the PHP (built)
// `node scripts/translations.mjs` builds them alone; scripts/build.mjs builds them before the zip.
// `node scripts/translations.mjs update` first merges new strings of the code into each .po (msgmerge:
// new ones empty, changed ones marked fuzzy), for a translator to fill in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { pluginDir } from '../test/harness/paths.mjs';
import { entryKey, headerFields, parsePo, serializePo } from './po.mjs';
import { extractScripts, widgetDictionaries, widgetEntries, widgetTexts } from './js-strings.mjs';

export const languagesDir = path.join(pluginDir, 'languages');
export const potFile = path.join(languagesDir, 'leadtrail.pot');
export const widgetTextsFile = path.join(pluginDir, 'build', 'widget-texts.php');
const root = path.dirname(pluginDir);
const domain = 'leadtrail';

/**
 * The scripts that call @wordpress/i18n: their sources, and the built file WordPress enqueues
 * (relative to the plugin folder: the md5 of that path names the script's JSON).
 */
export const scripts = [{ sources: path.join(pluginDir, 'admin-src', 'overview'), built: 'build/overview/index.js' }];

/** WordPress's translation functions, as xgettext keywords (argument numbers, c = context). */
const phpKeywords = [
  '__',
  '_e',
  '_x:1,2c',
  '_ex:1,2c',
  '_n:1,2',
  '_nx:1,2,4c',
  '_n_noop:1,2',
  '_nx_noop:1,2,3c',
  'esc_html__',
  'esc_html_e',
  'esc_html_x:1,2c',
  'esc_attr__',
  'esc_attr_e',
  'esc_attr_x:1,2c',
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}): install gettext`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** The plugin's PHP files that ship (not its tests). */
function phpFiles() {
  return fs
    .readdirSync(pluginDir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.php') && !name.startsWith(`tests${path.sep}`) && !name.startsWith(`vendor${path.sep}`))
    .sort();
}

/** The entries of the PHP, by xgettext. */
function extractPhp() {
  const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leadtrail-pot-')), 'files');
  fs.writeFileSync(list, phpFiles().join('\n') + '\n');
  const text = run(
    'xgettext',
    [
      '--language=PHP',
      '--from-code=UTF-8',
      '--add-comments=translators:',
      '--no-wrap',
      '-k',
      ...phpKeywords.map((k) => `--keyword=${k}`),
      `--files-from=${list}`,
      '--output=-',
    ],
    { cwd: pluginDir },
  );
  fs.rmSync(path.dirname(list), { recursive: true, force: true });
  return parsePo(text).filter((e) => e.msgid !== '');
}

/**
 * Every translatable string of the plugin: the PHP's, the scripts', then the front-end widgets' (a
 * string in two places keeps one entry with both).
 */
export function extractAll() {
  const byKey = new Map();
  for (const entry of [...extractPhp(), ...scripts.flatMap((s) => extractScripts(s.sources, pluginDir)), ...widgetEntries(root)]) {
    const known = byKey.get(entryKey(entry));
    if (known === undefined) {
      byKey.set(entryKey(entry), entry);
      continue;
    }
    known.references.push(...entry.references);
    known.comments.push(...entry.comments.filter((c) => !known.comments.includes(c)));
  }
  return [...byKey.values()];
}

function potHeader(version) {
  return {
    msgid: '',
    msgstr: [
      [
        `Project-Id-Version: LeadTrail ${version}`,
        'Report-Msgid-Bugs-To: ',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 8bit',
        'X-Domain: leadtrail',
        '',
      ].join('\n'),
    ],
    comments: [],
    references: [],
    flags: [],
  };
}

/** Writes wp-plugin/languages/leadtrail.pot; answers its entries (without the header). */
export function buildPot(version, file = potFile) {
  const entries = extractAll();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serializePo([potHeader(version), ...entries]));
  return entries;
}

/** The translations kept in git: locale -> .po path. */
export function poFiles() {
  if (!fs.existsSync(languagesDir)) return new Map();
  return new Map(
    fs
      .readdirSync(languagesDir)
      .map((name) => name.match(/^leadtrail-([a-z]{2,3}(?:_[A-Z]{2})?)\.po$/))
      .filter((m) => m !== null)
      .map((m) => [m[1], path.join(languagesDir, m[0])]),
  );
}

const placeholders = (text) => (text.match(/%(?:\d+\$)?[sd]/g) ?? []).sort().join(' ');

/**
 * What a translation lacks against the strings of the code: msgids it does not have, entries with
 * an empty msgstr, fuzzy entries, and translations whose placeholders differ from the original's.
 */
export function translationGaps(potEntries, poEntries) {
  const translated = new Map(poEntries.filter((e) => e.msgid !== '').map((e) => [entryKey(e), e]));
  const gaps = { missing: [], empty: [], fuzzy: [], placeholders: [] };
  for (const wanted of potEntries) {
    const entry = translated.get(entryKey(wanted));
    const name = entryKey(wanted).replace('\u0004', ' | ');
    if (entry === undefined) gaps.missing.push(name);
    else if (entry.flags.includes('fuzzy')) gaps.fuzzy.push(name);
    else if (entry.msgstr.length === 0 || entry.msgstr.some((s) => s === '')) gaps.empty.push(name);
    else if (entry.msgstr.some((s, n) => placeholders(s) !== placeholders(n === 0 || wanted.msgid_plural === undefined ? wanted.msgid : wanted.msgid_plural))) {
      gaps.placeholders.push(name);
    }
  }
  return gaps;
}

/** The gaps as lines a person can act on, or [] when the translation is complete. */
export function describeGaps(file, gaps) {
  const lines = [];
  const labels = { missing: 'lacks', empty: 'has an empty translation of', fuzzy: 'has a fuzzy translation of', placeholders: 'has other placeholders than' };
  for (const [kind, label] of Object.entries(labels)) {
    for (const msgid of gaps[kind]) lines.push(`${path.basename(file)} ${label}: ${JSON.stringify(msgid)}`);
  }
  return lines;
}

/** The Jed 1.x document that wp_set_script_translations() hands to wp.i18n.setLocaleData(). */
function jedFor(locale, header, entries) {
  const messages = {
    '': { domain: 'messages', lang: locale, 'plural-forms': header['Plural-Forms'] ?? 'nplurals=2; plural=(n != 1);' },
  };
  for (const entry of entries) messages[entryKey(entry)] = entry.msgstr;
  return { domain: 'messages', locale_data: { messages } };
}

/** Compiles each .po into its .mo (msgfmt, placeholders checked) and the scripts' JSON. */
export function compileTranslations(potEntries) {
  const compiled = [];
  for (const [locale, po] of poFiles()) {
    const mo = path.join(languagesDir, `${domain}-${locale}.mo`);
    run('msgfmt', ['--check-format', '--check-header', `--output-file=${mo}`, po]);
    compiled.push(mo);
    const entries = parsePo(fs.readFileSync(po, 'utf8'));
    const usable = new Map(entries.filter((e) => e.msgid !== '' && !e.flags.includes('fuzzy') && e.msgstr.every((s) => s !== '')).map((e) => [entryKey(e), e]));
    for (const script of scripts) {
      const keys = new Set(extractScripts(script.sources, pluginDir).map(entryKey));
      const json = path.join(languagesDir, `${domain}-${locale}-${crypto.createHash('md5').update(script.built).digest('hex')}.json`);
      const strings = [...keys].map((k) => usable.get(k)).filter((e) => e !== undefined);
      fs.writeFileSync(json, JSON.stringify(jedFor(locale, headerFields(entries), strings)));
      compiled.push(json);
    }
    const gaps = describeGaps(po, translationGaps(potEntries, entries));
    if (gaps.length > 0) console.warn(`[leadtrail] ${gaps.length} strings to translate (shown in English until then):\n  ${gaps.join('\n  ')}`);
  }
  return compiled;
}

const phpString = (text) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/**
 * Writes wp-plugin/build/widget-texts.php: per widget dictionary, key => [English, bundled Russian].
 * The plugin translates the English with the site's catalogue and hands the widgets what differs
 * from what they carry (LeadTrail\I18n\WidgetTexts).
 */
export function buildWidgetTexts(file = widgetTextsFile) {
  const texts = widgetTexts(root);
  const lines = widgetDictionaries.map(({ name }) => {
    const entries = texts.filter((t) => t.name === name).map((t) => `\t\t${phpString(t.key)} => [${phpString(t.en)}, ${phpString(t.ru)}],`);
    return `\t${phpString(name)} => [\n${entries.join('\n')}\n\t],`;
  });
  const sources = widgetDictionaries.map((d) => d.file).join(' and ');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `<?php\n// Built by scripts/translations.mjs from ${sources}: do not edit.\nreturn [\n${lines.join('\n')}\n];\n`);
  return file;
}

/** The whole step: the .pot, each translation's .mo and JSON, and the widgets' texts for the PHP. */
export function buildTranslations(version) {
  return [...compileTranslations(buildPot(version)), buildWidgetTexts()];
}

/** Brings each .po up to the .pot, in the layout the .po files keep (sorted, no line numbers). */
function updatePoFiles() {
  for (const po of poFiles().values()) {
    run('msgmerge', ['--quiet', '--update', '--backup=none', '--no-location', '--sort-output', '--no-wrap', po, potFile]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const entries = buildPot(version);
  if (process.argv[2] === 'update') updatePoFiles();
  for (const file of [...compileTranslations(entries), buildWidgetTexts()]) console.log(path.relative(process.cwd(), file));
}
