import { browser } from '../../lib/browser-api';

// The panel page learns which tab it inspects from devtools.inspectedWindow.
void browser.devtools.panels.create('Comagic', '/icon/32.png', '/panel.html');
