// @ts-check
// The calculator page: one calculator that owns the page's address, so that
// links made here (#v=1&…) restore every figure.

import { mountCalculator } from './calculator.js';

mountCalculator(document, /** @type {HTMLElement} */ (document.getElementById('app')), { address: true })
  .then(() => {
    document.documentElement.dataset.ready = 'true';
    import('./checks-panel.js').then((m) => m.loadChecksPanel(document));
  })
  .catch(() => {}); // reported on the page by mountCalculator
