// Number replacement (leadtrail-phones.js; contracts.md, "Phone numbers"): every target kind of N1 and
// every usual format, written back in the format it had; N2-N6 as the vendor documents them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhonesAnswer } from '../schemas/phones';
import { createPhones } from './replace';
import { keepFormat, normalise, siteNumberOf } from './digits';
import { checkPhones } from './index';
import { PhonesAnswer as PhonesSchema } from '../schemas/phones';

const SITE = '74951825168';
const STATIC: PhonesAnswer = { site: [SITE], number: '74990000001', dynamic: false };
const DYNAMIC: PhonesAnswer = { site: [SITE], number: '74990000012', dynamic: true };
const w = window as { __cs_onReplacePhones?: unknown };
const stops: Array<() => void> = [];
const start = (answer: PhonesAnswer, dynamic = false) => {
  const api = createPhones(answer, dynamic);
  stops.push(() => api.dynamic(false));
  return api;
};

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  delete w.__cs_onReplacePhones;
  document.body.innerHTML = '';
});

describe('digits', () => {
  it('reads a site number in every usual format', () => {
    for (const shown of ['+7 (495) 182-51-68', '8 495 182 51 68', '74951825168', '8(495)1825168', '(495) 182-51-68', '+7\u00a0495\u00a0182-51-68']) {
      expect(siteNumberOf(shown, [SITE]), shown).toBe(SITE);
    }
    expect(siteNumberOf('+7 (495) 182-51-69', [SITE])).toBeUndefined();
    expect(normalise('8 495 182 51 68')).toBe(SITE);
  });

  it('writes a number in the format of the text it replaces', () => {
    expect(keepFormat('+7 (495) 182-51-68', '74990000001')).toBe('+7 (499) 000-00-01');
    expect(keepFormat('8 495 182 51 68', '74990000001')).toBe('8 499 000 00 01');
    expect(keepFormat('74951825168', '74990000001')).toBe('74990000001');
    expect(keepFormat('(495) 182-51-68', '74990000001')).toBe('(499) 000-00-01');
    expect(keepFormat('+7 495 18', '4420790000001')).toBe('+4420790000001');
  });

  it("checks the answer's phones as the schema does", () => {
    const samples = [
      STATIC,
      DYNAMIC,
      { site: [], number: null, dynamic: false },
      { site: ['12'], number: null, dynamic: false },
      { site: [SITE], number: '0123', dynamic: false },
      { site: [SITE], number: SITE },
      null,
      'x',
      { site: SITE, number: null, dynamic: true },
    ];
    for (const s of samples) expect(!!checkPhones(s), JSON.stringify(s)).toBe(PhonesSchema.safeParse(s).success);
  });
});

describe('targets (N1)', () => {
  it('replaces text and tel: links showing a site number, each in its own format', () => {
    document.body.innerHTML = `
      <p id="a">Call +7 (495) 182-51-68 today</p>
      <p id="b">or 8 495 182 51 68, or 74951825168</p>
      <a id="c" href="tel:+74951825168">+7 495 182-51-68</a>
      <a id="d" href="tel:8-495-182-51-68">phone</a>
      <a id="g" href="tel:%E0%A4%A">broken</a>
      <p id="e">Another: +7 (495) 111-22-33</p>
      <script id="f">var phone = "+7 (495) 182-51-68";</script>`;
    start(STATIC);
    const text = (id: string) => document.getElementById(id)!.textContent;
    expect(text('a')).toBe('Call +7 (499) 000-00-01 today');
    expect(text('b')).toBe('or 8 499 000 00 01, or 74990000001');
    expect(document.getElementById('c')!.getAttribute('href')).toBe('tel:+74990000001');
    expect(text('c')).toBe('+7 499 000-00-01');
    expect(document.getElementById('d')!.getAttribute('href')).toBe('tel:8-499-000-00-01');
    expect(text('e')).toBe('Another: +7 (495) 111-22-33');
    expect(text('f')).toContain('+7 (495) 182-51-68');
    expect(document.getElementById('g')!.getAttribute('href')).toBe('tel:%E0%A4%A');
  });

  it('replaces the marked elements whatever number they show: comagic_phone by id, class and name, call_phone_1..5', () => {
    document.body.innerHTML = `
      <span id="comagic_phone">+7 (800) 555-35-35</span>
      <span class="comagic_phone"><b>8 800 555 35 35</b></span>
      <input name="comagic_phone" value="+7 800 5553535">
      <div class="call_phone_1">+7 (800) 555-35-35</div>
      <div class="call_phone_5"></div>`;
    const api = start(STATIC);
    expect(document.getElementById('comagic_phone')!.textContent).toBe('+7 (499) 000-00-01');
    expect(document.querySelector('.comagic_phone')!.textContent).toBe('8 499 000 00 01');
    expect((document.querySelector('[name=comagic_phone]') as HTMLInputElement).value).toBe('+7 499 0000001');
    expect(document.querySelector('.call_phone_1')!.textContent).toBe('+7 (499) 000-00-01');
    expect(document.querySelector('.call_phone_5')!.textContent).toBe('74990000001');
    expect(api.getPhones().map((p) => p.id)).toEqual(['#comagic_phone', '.comagic_phone', '[name=comagic_phone]', '.call_phone_1', '.call_phone_5']);
  });

  it('leaves the page as it is when the visit has no number, and still lists the targets', () => {
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    const api = start({ site: [SITE], number: null, dynamic: false });
    expect(document.body.textContent).toBe('+7 (495) 182-51-68');
    expect(api.getPhones()).toEqual([{ id: 'number=' + SITE, img: '', text: '+7 (495) 182-51-68', raw: SITE }]);
    expect(api.getReplacedPhones()).toEqual({});
  });
});

describe('the methods (N4-N6)', () => {
  it('a static number: getPhones, getDTPhones null, getReplacedPhones by target', () => {
    document.body.innerHTML = '<p>8 495 182 51 68</p><span id="comagic_phone">+7 (800) 555-35-35</span>';
    const api = start(STATIC);
    expect(api.getPhones()).toEqual([
      { id: '#comagic_phone', img: '', text: '+7 (800) 555-35-35', raw: '78005553535' },
      { id: 'number=' + SITE, img: '', text: '8 495 182 51 68', raw: SITE },
    ]);
    expect(api.getDTPhones()).toBeNull();
    expect(api.getReplacedPhones()).toEqual({ '#comagic_phone': '74990000001', ['number=' + SITE]: '74990000001' });
    expect(api.getReplacedPhones(null)).toEqual(api.getReplacedPhones());
    expect(api.getReplacedPhones('static')).toEqual(api.getReplacedPhones());
    expect(api.getReplacedPhones('dynamic')).toEqual({});
  });

  it('a pool number: getDTPhones lists the targets, getReplacedPhones("dynamic") by number shown', () => {
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    const api = start(DYNAMIC);
    expect(api.getDTPhones()).toEqual([{ id: 'number=' + SITE, img: '', text: '+7 (495) 182-51-68', raw: SITE }]);
    expect(api.getReplacedPhones('dynamic')).toEqual({ '74990000012': ['number=' + SITE] });
    expect(api.getReplacedPhones('static')).toEqual({});
    expect(api.getReplacedPhones()).toEqual({ ['number=' + SITE]: '74990000012' });
  });
});

describe('window.__cs_onReplacePhones (N3)', () => {
  it('is called with [{id, img, text, raw}] before replacing; true lets it replace', () => {
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    const hook = vi.fn(() => {
      expect(document.body.textContent).toBe('+7 (495) 182-51-68');
      return true;
    });
    w.__cs_onReplacePhones = hook;
    start(STATIC);
    expect(hook).toHaveBeenCalledWith([{ id: 'number=' + SITE, img: '', text: '+7 (495) 182-51-68', raw: SITE }]);
    expect(document.body.textContent).toBe('+7 (499) 000-00-01');
  });

  it('returning false leaves the page alone, later content too', async () => {
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    w.__cs_onReplacePhones = () => false;
    const api = start(STATIC, true);
    document.body.insertAdjacentHTML('beforeend', '<p>8 495 182 51 68</p>');
    await new Promise((r) => setTimeout(r, 0));
    expect(document.body.textContent).toBe('+7 (495) 182-51-68' + '8 495 182 51 68');
    expect(api.getReplacedPhones()).toEqual({});
  });
});

describe('setDynamicalReplacement (N2)', () => {
  it('replaces numbers in content added later, and in text changed later', async () => {
    const api = start(STATIC, true);
    document.body.insertAdjacentHTML('beforeend', '<div><p>Call 8 (495) 182-51-68</p><a href="tel:+74951825168">call</a></div>');
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('p')!.textContent).toBe('Call 8 (499) 000-00-01');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('tel:+74990000001');
    document.querySelector('p')!.firstChild!.nodeValue = 'New: 74951825168';
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('p')!.textContent).toBe('New: 74990000001');
    api.dynamic(false);
    document.body.insertAdjacentHTML('beforeend', '<p id="late">74951825168</p>');
    await new Promise((r) => setTimeout(r, 0));
    expect(document.getElementById('late')!.textContent).toBe('74951825168');
  });

  it('without it, content added later keeps its number', async () => {
    start(STATIC);
    document.body.insertAdjacentHTML('beforeend', '<p>+7 (495) 182-51-68</p>');
    await new Promise((r) => setTimeout(r, 0));
    expect(document.body.textContent).toBe('+7 (495) 182-51-68');
  });
});
