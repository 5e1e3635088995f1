// The widgets' bundle (built to wp-plugin/assets/build/leadtrail-widgets.js): loaded by the core on
// the first widget it opens (api/widgets.ts), it registers itself for the core to call.
import type { Widgets } from './api';
import { showCallbackNotice } from './notice';
import { openRequestForm } from './request';
import { openSitePhoneForm } from './sitephone';
import { openChat } from '../chat/window';

(window as { __leadtrailWidgets?: Widgets }).__leadtrailWidgets = { openRequestForm, openSitePhoneForm, showCallbackNotice, openChat };
