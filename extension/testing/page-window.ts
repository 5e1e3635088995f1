import { Window as HappyWindow } from 'happy-dom';

export type PageWindow = Window & typeof globalThis & { happyDOM: HappyWindow['happyDOM'] };

/** A happy-dom window standing in for a page, typed as the DOM window the hook expects. */
export function pageWindow(url = 'https://shop.example/catalog'): PageWindow {
  return new HappyWindow({ url }) as unknown as PageWindow;
}

/** Lets queued postMessage events, timers and promise callbacks run. */
export const settle = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));
