import { afterEach, describe, expect, it } from 'vitest';
import type { FieldValues } from './fields';
import { syncAll, syncForm } from './fields';
import { watchForms } from './watch';
import { settle } from '../testing/fetch';

const values = (visitor_id = 5, uri = 'https://shop.example/'): FieldValues => ({
  site_key: 'K'.repeat(32), key: 'K'.repeat(32), uri, visitor_id, hit_id: 9, session_id: 7,
  consultant_server_url: 'https://shop.example/wp-json/leadtrail/v1/',
});
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
    syncAll(values());
    for (const form of [a, b]) {
      const inputs = Array.from(form.querySelectorAll<HTMLInputElement>('input[data-leadtrail]'));
      expect(inputs.map((i) => i.name)).toEqual(NAMES);
      expect(inputs.every((i) => i.type == 'hidden')).toBe(true);
    }
    expect(ours(a)).toEqual({
      site_key: 'K'.repeat(32), key: 'K'.repeat(32), uri: 'https://shop.example/', visitor_id: '5',
      hit_id: '9', session_id: '7', consultant_server_url: 'https://shop.example/wp-json/leadtrail/v1/',
    });
    expect(new FormData(a).get('visitor_id')).toBe('5');
  });

  it('are updated in place, not duplicated', () => {
    const form = addForm();
    syncForm(form, values(5));
    syncForm(form, values(6));
    expect(form.querySelectorAll('input[name="visitor_id"]')).toHaveLength(1);
    expect(ours(form).visitor_id).toBe('6');
  });

  it('leave a field the site put there itself alone', () => {
    const form = addForm('<input type="hidden" name="visitor_id" value="site"><input name="uri" value="mine">');
    syncForm(form, values());
    expect(form.querySelectorAll('[name="visitor_id"]')).toHaveLength(1);
    expect((form.querySelector('[name="visitor_id"]') as HTMLInputElement).value).toBe('site');
    expect((form.querySelector('[name="uri"]') as HTMLInputElement).value).toBe('mine');
    expect(Object.keys(ours(form)).sort()).toEqual(NAMES.filter((n) => n != 'visitor_id' && n != 'uri').sort());
  });

  it('skip forms that declare method="get" (search forms)', () => {
    const search = addForm('<input name="s">', 'get');
    syncAll(values());
    expect(search.querySelectorAll('input[data-leadtrail]')).toHaveLength(0);
  });
});

describe('watchForms', () => {
  it('gives a form added later its fields, also inside a container', async () => {
    const stop = watchForms(() => values(8));
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
    syncForm(form, values());
    const stop = watchForms(() => values());
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
    syncForm(form, values(5, uri));
    const stop = watchForms(() => values(5, uri));
    try {
      uri = 'https://shop.example/b';
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      expect(ours(form).uri).toBe('https://shop.example/b');
    } finally {
      stop();
    }
  });

  it('does nothing while there are no credentials, and stops when asked', async () => {
    const stop = watchForms(() => undefined);
    const a = addForm();
    await settle();
    expect(ours(a)).toEqual({});
    stop();
    const stopped = watchForms(() => values());
    stopped();
    const b = addForm();
    await settle();
    expect(ours(b)).toEqual({});
  });
});

describe('odd field names', () => {
  it('survive a site field called __proto__', () => {
    const form = addForm('<input name="__proto__" value="x"><input name="constructor">');
    syncForm(form, values());
    expect(Object.keys(ours(form)).sort()).toEqual([...NAMES].sort());
  });
});
