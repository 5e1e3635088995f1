// Reads and writes gettext catalogues (.pot/.po), as far as the translations' build needs them:
// entries with their context, plural, extracted comments, references and flags.

/**
 * @typedef {{
 *   msgctxt?: string, msgid: string, msgid_plural?: string, msgstr: string[],
 *   comments: string[], references: string[], flags: string[],
 * }} PoEntry
 */

const unquote = (text) => JSON.parse(text.replace(/\\([^"\\nt])/g, (_, c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/**
 * The entries of a catalogue, the header (msgid "") first when there is one; obsolete (#~) entries
 * are left out.
 * @param {string} text
 * @returns {PoEntry[]}
 */
export function parsePo(text) {
  /** @type {PoEntry[]} */
  const entries = [];
  /** @type {PoEntry | null} */
  let entry = null;
  /** The field that a continued "..." line adds to. */
  let field = null;
  const fresh = () => ({ msgid: '', msgstr: [], comments: [], references: [], flags: [] });
  const append = (value) => {
    if (field === null || entry === null) return;
    if (field.startsWith('msgstr[')) entry.msgstr[Number(field.slice(7, -1))] += value;
    else if (field === 'msgstr') entry.msgstr[0] += value;
    else entry[field] += value;
  };
  // An entry ends where a comment or a new msgctxt/msgid follows its msgstr.
  const finish = () => {
    if (entry !== null && field !== null && field.startsWith('msgstr')) {
      entries.push(entry);
      entry = null;
      field = null;
    }
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#~')) continue;
    if (line.startsWith('#')) {
      finish();
      entry ??= fresh();
      if (line.startsWith('#.')) entry.comments.push(line.slice(2).trim());
      else if (line.startsWith('#:')) entry.references.push(...line.slice(2).trim().split(/\s+/));
      else if (line.startsWith('#,'))
        entry.flags.push(
          ...line
            .slice(2)
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean),
        );
      continue;
    }
    const keyword = line.match(/^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$/);
    if (keyword) {
      const [, name, value] = keyword;
      if (name === 'msgctxt' || name === 'msgid') finish();
      entry ??= fresh();
      field = name;
      if (name === 'msgstr') entry.msgstr[0] = '';
      else if (name.startsWith('msgstr[')) entry.msgstr[Number(name.slice(7, -1))] = '';
      else entry[name] = '';
      append(unquote(value));
      continue;
    }
    if (line.startsWith('"')) {
      append(unquote(line));
      continue;
    }
    throw new Error(`a line that is not gettext: ${raw}`);
  }
  if (entry !== null && field !== null) entries.push(entry);
  return entries;
}

/** The key of an entry as gettext and Jed know it: the context, EOT, then the msgid. */
export const entryKey = (entry) => (entry.msgctxt === undefined ? entry.msgid : `${entry.msgctxt}\u0004${entry.msgid}`);

const quote = (text) => '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n') + '"';

/** One field, split after each \n as gettext's tools write it. */
function field(name, text) {
  const parts = text.split(/(?<=\n)/).filter((part) => part !== '');
  if (parts.length <= 1) return `${name} ${quote(text)}`;
  return [`${name} ""`, ...parts.map(quote)].join('\n');
}

/**
 * A catalogue's text.
 * @param {PoEntry[]} entries
 * @param {{ locations?: boolean }} [options]
 */
export function serializePo(entries, { locations = true } = {}) {
  return (
    entries
      .map((entry) => {
        const lines = entry.comments.map((c) => `#. ${c}`);
        if (locations && entry.references.length > 0) lines.push(`#: ${entry.references.join(' ')}`);
        if (entry.flags.length > 0) lines.push(`#, ${entry.flags.join(', ')}`);
        if (entry.msgctxt !== undefined) lines.push(field('msgctxt', entry.msgctxt));
        lines.push(field('msgid', entry.msgid));
        if (entry.msgid_plural !== undefined) {
          lines.push(field('msgid_plural', entry.msgid_plural));
          entry.msgstr.forEach((text, n) => lines.push(field(`msgstr[${n}]`, text)));
        } else {
          lines.push(field('msgstr', entry.msgstr[0] ?? ''));
        }
        return lines.join('\n');
      })
      .join('\n\n') + '\n'
  );
}

/** A header's "Name: value" fields. */
export function headerFields(entries) {
  const header = entries.find((e) => e.msgid === '' && e.msgctxt === undefined);
  return Object.fromEntries(
    (header?.msgstr[0] ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}
