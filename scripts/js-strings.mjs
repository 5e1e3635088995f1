// The translatable strings of the wp-admin scripts that use @wordpress/i18n. xgettext's JavaScript
// parser loses strings after template literals inside JSX, so the scripts are read with TypeScript's
// parser (already a dependency) instead.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The argument positions of each function: which is the msgid, the plural, the context. */
const keywords = {
  __: { msgid: 0 },
  _x: { msgid: 0, msgctxt: 1 },
  _n: { msgid: 0, msgid_plural: 1 },
  _nx: { msgid: 0, msgid_plural: 1, msgctxt: 3 },
};

const calleeName = (node) => {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return null;
};

/** "translators:" comments just before the call, or before the statement or JSX expression holding it. */
function translatorComments(text, node) {
  for (let at = node; at !== undefined && !ts.isSourceFile(at); at = at.parent) {
    const ranges = ts.getLeadingCommentRanges(text, at.getFullStart()) ?? [];
    const found = ranges
      .map((r) =>
        text
          .slice(r.pos, r.end)
          .replace(/^\/\*+|\*+\/$|^\/\//g, '')
          .replace(/^\s*\*\s?/gm, '')
          .trim(),
      )
      .filter((c) => /^translators:/i.test(c));
    if (found.length > 0) return found.map((c) => c.replace(/\s+/g, ' '));
    if (ts.isExpressionStatement(at) || ts.isVariableStatement(at) || ts.isJsxExpression(at) || ts.isReturnStatement(at)) break;
  }
  return [];
}

/**
 * The entries of one script file (references relative to `base`).
 * @returns {import('./po.mjs').PoEntry[]}
 */
export function extractFile(file, base) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JSX);
  const entries = [];
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const spec = keywords[calleeName(node.expression) ?? ''];
      const literal = (index) => {
        const arg = node.arguments[index];
        return arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined;
      };
      if (spec !== undefined && literal(spec.msgid) !== undefined) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const entry = {
          msgid: literal(spec.msgid),
          msgstr: [''],
          comments: translatorComments(text, node),
          references: [`${path.relative(base, file)}:${line}`],
          flags: [],
        };
        if (spec.msgctxt !== undefined) entry.msgctxt = literal(spec.msgctxt) ?? '';
        if (spec.msgid_plural !== undefined) {
          entry.msgid_plural = literal(spec.msgid_plural) ?? '';
          entry.msgstr = ['', ''];
        }
        entries.push(entry);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return entries;
}

/** The entries of every script (not its tests) under `dir`. */
export function extractScripts(dir, base) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => /\.jsx?$/.test(name) && !/\.test\.jsx?$/.test(name))
    .sort()
    .flatMap((name) => extractFile(path.join(dir, name), base));
}

/**
 * The front-end widgets' texts (the request and callback forms, the chat): each file holds an
 * English dictionary `en` (the msgids) and the Russian one the bundle carries, `ru`. They load
 * no @wordpress/i18n; the plugin hands them the site's own translations (docs/translations.md).
 */
export const widgetDictionaries = [
  { name: 'widgets', file: 'shared/src/widgets/i18n.ts' },
  { name: 'chat', file: 'shared/src/chat/texts.ts' },
];

/** The context of the widgets' strings in the catalogues. */
const widgetContext = 'widget';

/**
 * The object literal `const <variable> = {...}` of a file, as key -> string, in its order.
 * @returns {Map<string, string>}
 */
function readDictionary(file, variable) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declaration = source.statements
    .filter(ts.isVariableStatement)
    .flatMap((s) => s.declarationList.declarations)
    .find((d) => ts.isIdentifier(d.name) && d.name.text === variable);
  if (declaration?.initializer === undefined || !ts.isObjectLiteralExpression(declaration.initializer)) {
    throw new Error(`${file} has no object literal \`${variable}\``);
  }
  const map = new Map();
  for (const property of declaration.initializer.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !ts.isStringLiteralLike(property.initializer)) {
      throw new Error(`${file}: \`${variable}\` holds something else than plain strings at ${property.getText()}`);
    }
    map.set(property.name.text, property.initializer.text);
  }
  return map;
}

/**
 * Each widget text: its dictionary, key, English and bundled Russian (files relative to `root`).
 * @returns {{ name: string, key: string, en: string, ru: string, reference: string }[]}
 */
export function widgetTexts(root) {
  return widgetDictionaries.flatMap(({ name, file }) => {
    const en = readDictionary(path.join(root, file), 'en');
    const ru = readDictionary(path.join(root, file), 'ru');
    return [...en].map(([key, english]) => ({ name, key, en: english, ru: ru.get(key) ?? '', reference: file }));
  });
}

/**
 * The widgets' strings as catalogue entries, context `widget`; the same English in two places is
 * one entry.
 * @returns {import('./po.mjs').PoEntry[]}
 */
export function widgetEntries(root) {
  return widgetTexts(root).map(({ name, key, en, reference }) => ({
    msgctxt: widgetContext,
    msgid: en,
    msgstr: [''],
    comments: [`Front-end widget text ${name}.${key}`],
    references: [`${reference}`],
    flags: [],
  }));
}
