import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEvent } from '../../testing/fake-event';
import { pageWindow, settle } from '../../testing/page-window';
import type { PageWindow } from '../../testing/page-window';
import { BRIDGE_SOURCE, HOOK_SOURCE } from '../messages/page-channel';
import { relayPage } from './relay-page';

const call = { id: 'x:1', at: 1, path: 'Comagic.trackEvent', origin: 'page', args: ['a', 'b'], status: 'returned' };

let win: PageWindow;
let sent: unknown[];
let onMessage: ReturnType<typeof fakeEvent<(message: unknown) => unknown>>;

beforeEach(() => {
  win = pageWindow();
  sent = [];
  onMessage = fakeEvent();
  relayPage(win, { sendMessage: async (message: unknown) => void sent.push(message), onMessage } as never);
});

afterEach(async () => {
  await win.happyDOM.close();
});

describe('the bridge', () => {
  it("passes the hook's call records to the background, and nothing that does not parse", async () => {
    win.postMessage({ source: HOOK_SOURCE, type: 'call', call }, '*');
    win.postMessage({ source: HOOK_SOURCE, type: 'call', call: { ...call, status: 'exploded' } }, '*');
    win.postMessage({ source: 'someone-else', type: 'call', call }, '*');
    win.postMessage('a string from the page', '*');
    await settle();
    expect(sent).toEqual([{ type: 'hook-call', call }]);
  });

  it("takes the background's request to the hook and brings back its answer", async () => {
    win.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { source?: string; id?: string };
      if (data.source === BRIDGE_SOURCE) {
        win.postMessage({ source: HOOK_SOURCE, type: 'response', id: data.id, response: { kind: 'failed', error: 'no Comagic' } }, '*');
      }
    });
    const [answer] = onMessage.fire({ type: 'page-request', request: { kind: 'inspect' } });
    expect(await answer).toEqual({ kind: 'failed', error: 'no Comagic' });
  });

  it('leaves other messages to other listeners', () => {
    expect(onMessage.fire({ type: 'something-else' })).toEqual([undefined]);
  });
});
