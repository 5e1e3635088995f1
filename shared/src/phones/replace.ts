// Number replacement (N1-N6; docs/contracts.md, "Phone numbers"): finds the site's numbers on the
// page (the comagic_phone and call_phone_N elements, text and tel: links showing a site number),
// asks `window.__cs_onReplacePhones`, writes the visit's number in each one's format, and answers
// the Comagic methods. With setDynamicalReplacement, content added later is replaced too.
import type { PhonesAnswer, PhoneTarget } from '../schemas/phones';
import { CANDIDATE, keepFormat, normalise, siteNumberOf } from './digits';

export interface PhonesApi {
  getPhones(): PhoneTarget[];
  getDTPhones(): PhoneTarget[] | null;
  getReplacedPhones(type?: unknown): Record<string, string> | Record<string, string[]>;
  dynamic(on: boolean): void;
}

/** The elements the vendor's runtime replaces whatever their text (N1), by the id getPhones() names them with. */
const MARKED: Array<[string, string]> = [
  ['#comagic_phone', '#comagic_phone'],
  ['.comagic_phone', '.comagic_phone'],
  ['[name=comagic_phone]', '[name=comagic_phone]'],
  ...[1, 2, 3, 4, 5].map((n): [string, string] => [`.call_phone_${n}`, `.call_phone_${n}`]),
];
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA|TEMPLATE|TITLE)$/;

type Edit = { target: PhoneTarget; apply: () => void };

export function createPhones(answer: PhonesAnswer, dynamicOn: boolean): PhonesApi {
  const { site, number } = answer;
  const found: PhoneTarget[] = [];
  const replaced: Record<string, string> = {};
  let cancelled = false;
  let observer: MutationObserver | undefined;

  /** The edits under `root`: each target's description and the change that replaces it (applied only with a number). */
  function scan(root: Node): Edit[] {
    const edits: Edit[] = [];
    const seen = new Set<Node>();
    const el = root.nodeType == 1 ? (root as Element) : undefined;
    if (el || root.nodeType == 9) {
      const scope = (el || document) as ParentNode;
      for (const [selector, id] of MARKED) {
        const all = [...scope.querySelectorAll(selector)];
        if (el?.matches(selector)) all.unshift(el);
        for (const node of all) {
          if (seen.has(node)) continue;
          seen.add(node);
          edits.push(...marked(node, id));
        }
      }
      for (const a of [...scope.querySelectorAll('a[href^="tel:" i]'), ...(el?.matches('a[href^="tel:" i]') ? [el] : [])]) {
        const href = a.getAttribute('href')!;
        const shown = decoded(href.slice(4));
        const s = siteNumberOf(shown, site);
        if (s) edits.push({ target: target('number=' + s, shown), apply: () => a.setAttribute('href', 'tel:' + keepFormat(shown, number!)) });
      }
    }
    const walker = document.createTreeWalker(root, 4);
    for (let t = root.nodeType == 3 ? root : walker.nextNode(); t; t = root.nodeType == 3 ? null : walker.nextNode()) {
      if (!SKIP.test(t.parentElement?.tagName || '') && !inSeen(t, seen)) edits.push(...inText(t as Text));
    }
    return edits;
  }

  /** A tel: link's number as written; a malformed %-escape is left as it is. */
  function decoded(text: string) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  }

  function inSeen(node: Node, seen: Set<Node>) {
    for (let p = node.parentNode; p; p = p.parentNode) if (seen.has(p)) return true;
    return false;
  }

  /** A marked element: its number (the text showing one, or all of it) becomes the visit's. */
  function marked(node: Element, id: string): Edit[] {
    const input = node as HTMLInputElement;
    const isInput = 'value' in input && node.tagName == 'INPUT';
    const text = isInput ? input.value : node.textContent || '';
    const shown = text.match(CANDIDATE)?.[0] || text.trim();
    return [
      {
        target: target(id, shown),
        apply() {
          const next = shown ? keepFormat(shown, number!) : number!;
          if (isInput) input.value = text.replace(shown, next);
          else if (node.childElementCount == 0) node.textContent = shown ? text.replace(shown, next) : next;
          else for (const t of textsUnder(node)) if (t.data.includes(shown)) t.data = t.data.replace(shown, next);
        },
      },
    ];
  }

  function textsUnder(node: Node): Text[] {
    const out: Text[] = [];
    const w = document.createTreeWalker(node, 4);
    for (let t = w.nextNode(); t; t = w.nextNode()) out.push(t as Text);
    return out;
  }

  /** A text node showing site numbers: each becomes the visit's number in its format. */
  function inText(node: Text): Edit[] {
    const data = node.data;
    if (!/\d{2}/.test(data)) return [];
    const edits: Edit[] = [];
    for (const m of data.match(CANDIDATE) || []) {
      const s = siteNumberOf(m, site);
      if (s) edits.push({ target: target('number=' + s, m.trim()), apply: () => (node.data = node.data.replace(m, keepFormat(m, number!))) });
    }
    return edits;
  }

  function target(id: string, text: string): PhoneTarget {
    return { id, img: '', text, raw: normalise(text) };
  }

  /** Replaces under `root`, unless the page's `__cs_onReplacePhones` says no (N3). */
  function run(root: Node) {
    const edits = scan(root);
    if (!edits.length) return;
    const targets = edits.map((e) => e.target);
    const hook = (window as { __cs_onReplacePhones?: (phones: PhoneTarget[]) => unknown }).__cs_onReplacePhones;
    if (typeof hook == 'function') {
      try {
        if (hook(targets.map((t) => ({ ...t }))) === false) return void (cancelled = true);
      } catch (e) {
        console.error('[leadtrail] __cs_onReplacePhones threw:', e);
      }
    }
    for (const e of edits) {
      if (!found.some((f) => f.id == e.target.id && f.text == e.target.text)) found.push(e.target);
      replaced[e.target.id] = number!;
      e.apply();
    }
  }

  function dynamic(on: boolean) {
    observer?.disconnect();
    observer = undefined;
    if (!on || !number) return;
    // Only what changed is scanned; the replaced text no longer shows a site number, so the
    // observer's own changes end there.
    observer = new MutationObserver((records) => {
      if (cancelled) return;
      for (const r of records) {
        if (r.type == 'characterData') run(r.target);
        else for (const n of r.addedNodes) if (n.isConnected) run(n);
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  if (number) run(document);
  else for (const e of scan(document)) found.push(e.target);
  dynamic(dynamicOn);

  const copy = () => found.map((t) => ({ ...t }));
  return {
    getPhones: copy,
    getDTPhones: () => (answer.dynamic ? copy() : null),
    getReplacedPhones(type) {
      if (type == 'dynamic') {
        const byNumber: Record<string, string[]> = {};
        if (answer.dynamic) for (const id in replaced) (byNumber[replaced[id]!] ||= []).push(id);
        return byNumber;
      }
      return type == 'static' && answer.dynamic ? {} : { ...replaced };
    },
    dynamic,
  };
}
