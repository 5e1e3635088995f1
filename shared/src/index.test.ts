import { expect, it } from 'vitest';
import { CONFIG, stubFetch, success } from './testing/fetch';
import { embed, g, runtimeScript } from './testing/page';

it('the entry boots from the runtime script tag and sends the hit', async () => {
  const calls = stubFetch(() => success());
  embed();
  runtimeScript();
  await import('./index');
  await g.Comagic.ready;
  expect(calls.map((c) => c.url)).toEqual([CONFIG.collect]);
  expect(g.Comagic.getVisitorId()).toBe(17258569);
});
