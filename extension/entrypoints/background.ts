import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start-background';
import { browser } from '../lib/browser-api';

export default defineBackground(() => {
  startBackground(browser);
});
