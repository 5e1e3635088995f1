// The core's side of number replacement (contracts.md, "Phone numbers"): the methods exist before any
// number is known, the chunk (leadtrail-phones.js) is fetched only when the hit answer carries
// `phones`, and `setDynamicalReplacement` pushed before it loaded reaches it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../core/runtime';
import { CONFIG, json, result, settle, stubFetch } from '../testing/fetch';
import { boot, embed, g, holdScripts, resetPage } from '../testing/page';
import './index';

const SRC = 'https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail.js?ver=0.1.0';
const PHONES = { site: ['74951825168'], number: '74990000001', dynamic: false };
const w = window as { __leadtrailPhones?: unknown };
const startPhones = w.__leadtrailPhones;
const runtimes: Runtime[] = [];

beforeEach(() => {
  resetPage();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  // The page's watch outlives a stopped runtime (it is the replacement's, not the runtime's).
  for (const rt of runtimes.splice(0)) {
    rt.queue.push(['setDynamicalReplacement', false]);
    rt.stop();
  }
  w.__leadtrailPhones = startPhones;
  resetPage();
});

function start(answer: unknown, ...early: unknown[]) {
  stubFetch(() => json(200, { success: true, result: answer }));
  embed(...early);
  // The runtime's script tag as the plugin prints it, not put in the page: happy-dom would fetch it.
  const script = document.createElement('script');
  script.setAttribute('src', SRC);
  for (const [k, v] of Object.entries(CONFIG)) script.setAttribute('data-' + k, String(v));
  runtimes.push(boot(script)!);
}

describe('Comagic before the numbers are known', () => {
  it('answers as a page without numbers: getPhones() [], getDTPhones() null, getReplacedPhones() {}', async () => {
    delete w.__leadtrailPhones;
    const held = holdScripts();
    start({ ...result(), phones: PHONES });
    await settle();
    expect(held.map((s) => s.src)).toContain(SRC.replace('leadtrail.js', 'leadtrail-phones.js'));
    expect(g.Comagic.getPhones()).toEqual([]);
    expect(g.Comagic.getDTPhones()).toBeNull();
    expect(g.Comagic.getReplacedPhones('dynamic')).toEqual({});
  });

  it('a hit answer without phones loads no replacement', async () => {
    delete w.__leadtrailPhones;
    const held = holdScripts();
    start(result());
    await settle();
    await settle();
    expect(held.map((s) => s.src).filter((s) => s.includes('phones'))).toEqual([]);
  });
});

describe('with the replacement loaded', () => {
  it("replaces the page and its methods take the stubs' place on Comagic", async () => {
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    start({ ...result(), phones: PHONES });
    await settle();
    await settle();
    expect(document.body.textContent).toBe('+7 (499) 000-00-01');
    expect(g.Comagic.getReplacedPhones()).toEqual({ 'number=74951825168': '74990000001' });
  });

  it("takes away the embed's veil once it has replaced, and when the answer is malformed", async () => {
    const veil = () => {
      const style = document.createElement('style');
      style.id = 'leadtrail-phones-hide';
      document.head.appendChild(style);
    };
    veil();
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    start({ ...result(), phones: PHONES });
    await settle();
    await settle();
    expect(document.body.textContent).toBe('+7 (499) 000-00-01');
    expect(document.getElementById('leadtrail-phones-hide')).toBeNull();

    vi.spyOn(console, 'error').mockImplementation(() => {});
    veil();
    (w.__leadtrailPhones as (...a: unknown[]) => void)({ site: 1 }, false, {}, {});
    expect(document.getElementById('leadtrail-phones-hide')).toBeNull();
  });

  it('setDynamicalReplacement pushed before the answer watches the page once it loads', async () => {
    start({ ...result(), phones: PHONES }, ['setDynamicalReplacement', true]);
    await settle();
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<p>8 495 182 51 68</p>');
    await settle();
    expect(document.body.textContent).toBe('8 499 000 00 01');
  });

  it('setDynamicalReplacement pushed after it loaded turns the watch on and off', async () => {
    start({ ...result(), phones: PHONES });
    await settle();
    await settle();
    g.__cs.push(['setDynamicalReplacement', true]);
    document.body.insertAdjacentHTML('beforeend', '<p id="a">74951825168</p>');
    await settle();
    expect(document.getElementById('a')!.textContent).toBe('74990000001');
    g.Comagic.push(['setDynamicalReplacement', false]);
    document.body.insertAdjacentHTML('beforeend', '<p id="b">74951825168</p>');
    await settle();
    expect(document.getElementById('b')!.textContent).toBe('74951825168');
  });

  it('a malformed phones field replaces nothing and says so', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<p>+7 (495) 182-51-68</p>';
    start({ ...result(), phones: { site: '74951825168', number: 1 } });
    await settle();
    await settle();
    expect(document.body.textContent).toBe('+7 (495) 182-51-68');
    expect(g.Comagic.getPhones()).toEqual([]);
    expect(err).toHaveBeenCalledWith('[leadtrail] malformed phones in the hit answer.');
  });
});
