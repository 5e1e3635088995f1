import { afterEach, describe, expect, it } from 'vitest';
import type { FieldValues } from './fields';
import { syncAll, syncForm } from './fields';
import { watchForms } from './watch';
import { settle } from '../testing/fetch';

const values = (visitor_id = 5, uri = 'https://shop.example/'): FieldValues => ({
  site_key: 'K'.repeat(32),
  key: 'K'.repeat(32),
  uri,
  visitor_id,
  hit_id: 9,
  session_id: 7,
  consultant_server_url: 'https://shop.example/wp-json/leadtrail/v1/',
});
/** The page's own origin (the test page is https://shop.example/catalog/). */
const SAME = ['https://shop.example'];
const NAMES = ['site_key', 'key', 'uri', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url'];

const ours = (form: HTMLFormElement) =>
  Object.fromEntries(Array.from(form.querySelectorAll<HTMLInputElement>('input[data-leadtrail]')).map((i) => [i.name, i.value]));

function addForm(html = '', method = 'post') {
  const form = document.createElement('form');
  form.method = method;
  form.innerHTML = html;
  document.body.appendChild(form);
  return form;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('hidden credential fields', () => {
  it('are added to every form, hidden and marked', () => {
    const a = addForm('<input name="email">');
    const b = addForm();
    syncAll(values(), SAME);
    for (const form of [a, b]) {
      const inputs = Array.from(form.querySelectorAll<HTMLInputElement>('input[data-leadtrail]'));
      expect(inputs.map((i) => i.name)).toEqual(NAMES);
      expect(inputs.every((i) => i.type == 'hidden')).toBe(true);
    }
    expect(ours(a)).toEqual({
      site_key: 'K'.repeat(32),
      key: 'K'.repeat(32),
      uri: 'https://shop.example/',
      visitor_id: '5',
      hit_id: '9',
      session_id: '7',
      consultant_server_url: 'https://shop.example/wp-json/leadtrail/v1/',
    });
    expect(new FormData(a).get('visitor_id')).toBe('5');
  });

  it('are updated in place, not duplicated', () => {
    const form = addForm();
    syncForm(form, values(5), SAME);
    syncForm(form, values(6), SAME);
    expect(form.querySelectorAll('input[name="visitor_id"]')).toHaveLength(1);
    expect(ours(form).visitor_id).toBe('6');
  });

  it('leave a field the site put there itself alone', () => {
    const form = addForm('<input type="hidden" name="visitor_id" value="site"><input name="uri" value="mine">');
    syncForm(form, values(), SAME);
    expect(form.querySelectorAll('[name="visitor_id"]')).toHaveLength(1);
    expect((form.querySelector('[name="visitor_id"]') as HTMLInputElement).value).toBe('site');
    expect((form.querySelector('[name="uri"]') as HTMLInputElement).value).toBe('mine');
    expect(Object.keys(ours(form)).sort()).toEqual(NAMES.filter((n) => n != 'visitor_id' && n != 'uri').sort());
  });

  it("go only to forms that post to the page's origin or an allowed one", () => {
    const origins = [...SAME, 'https://crm.example'];
    const posts = (action: string | null) => {
      const form = addForm('<input name="email">');
      if (action != null) form.setAttribute('action', action);
      syncForm(form, values(), origins);
      return Object.keys(ours(form)).length;
    };
    for (const same of [null, '', '/thanks', '?x=1', 'send.php', 'https://shop.example/x', 'HTTPS://SHOP.EXAMPLE:443/y'])
      expect(posts(same), String(same)).toBe(NAMES.length);
    expect(posts('https://crm.example/lead')).toBe(NAMES.length);
    for (const other of [
      'https://evil.example/',
      '//evil.example/x',
      'http://shop.example/',
      'https://shop.example:8443/',
      'https://crm.example.evil.example/',
      'http://[bad',
      'javascript:void 0',
    ])
      expect(posts(other), other).toBe(0);
  });

  it('are taken away from a form whose action moves to another origin', () => {
    const form = addForm();
    syncForm(form, values(), SAME);
    form.setAttribute('action', 'https://evil.example/collect');
    syncForm(form, values(), SAME);
    expect(ours(form)).toEqual({});
  });

  it('skip forms that declare method="get" (search forms)', () => {
    const search = addForm('<input name="s">', 'get');
    syncAll(values(), SAME);
    expect(search.querySelectorAll('input[data-leadtrail]')).toHaveLength(0);
  });
});

describe('watchForms', () => {
  it('gives a form added later its fields, also inside a container', async () => {
    const stop = watchForms(() => values(8), SAME);
    try {
      const direct = addForm();
      const box = document.createElement('div');
      box.innerHTML = '<section><form method="post"><input name="name"></form></section>';
      document.body.appendChild(box);
      await settle();
      expect(ours(direct).visitor_id).toBe('8');
      expect(ours(box.querySelector('form')!).visitor_id).toBe('8');
    } finally {
      stop();
    }
  });

  it('drops our field when the site adds its own of that name later', async () => {
    const form = addForm();
    syncForm(form, values(), SAME);
    const stop = watchForms(() => values(), SAME);
    try {
      const own = document.createElement('input');
      own.name = 'session_id';
      own.value = 'site';
      form.appendChild(own);
      await settle();
      expect(form.querySelectorAll('[name="session_id"]')).toHaveLength(1);
      expect((form.querySelector('[name="session_id"]') as HTMLInputElement).value).toBe('site');
    } finally {
      stop();
    }
  });

  it('refreshes the fields at submit time', () => {
    let uri = 'https://shop.example/a';
    const form = addForm();
    syncForm(form, values(5, uri), SAME);
    const stop = watchForms(() => values(5, uri), SAME);
    try {
      uri = 'https://shop.example/b';
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      expect(ours(form).uri).toBe('https://shop.example/b');
    } finally {
      stop();
    }
  });

  it('takes the fields away when a script points the form at another origin, and back', async () => {
    const form = addForm();
    syncForm(form, values(), SAME);
    const stop = watchForms(() => values(), SAME);
    try {
      form.action = 'https://evil.example/collect';
      await settle();
      expect(ours(form)).toEqual({});
      form.action = '/local';
      await settle();
      expect(Object.keys(ours(form))).toHaveLength(NAMES.length);
    } finally {
      stop();
    }
  });

  it('does nothing while there are no credentials, and stops when asked', async () => {
    const stop = watchForms(() => undefined, SAME);
    const a = addForm();
    await settle();
    expect(ours(a)).toEqual({});
    stop();
    const stopped = watchForms(() => values(), SAME);
    stopped();
    const b = addForm();
    await settle();
    expect(ours(b)).toEqual({});
  });
});

describe('odd field names', () => {
  it('survive a site field called __proto__', () => {
    const form = addForm('<input name="__proto__" value="x"><input name="constructor">');
    syncForm(form, values(), SAME);
    expect(Object.keys(ours(form)).sort()).toEqual([...NAMES].sort());
  });
});
