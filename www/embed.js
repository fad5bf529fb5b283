// @ts-check
// The calculator inside an iframe (embed.html). It tells the page that holds
// it how tall it is (embed-height.js has the message and who it goes to).
//
// Query parameters: `programme` (as the element's attribute) and
// `parent-origin`; a fragment made by "Copy a link" restores its figures.

import { mountCalculator } from './calculator.js';
import { reportHeights } from './embed-height.js';

const params = new URLSearchParams(location.search);
const reportHeight = reportHeights(params);

mountCalculator(document, /** @type {HTMLElement} */ (document.getElementById('app')), {
  address: true,
  programme: params.get('programme'),
  linkPage: new URL('index.html', location.href).href,
}).then(() => {
  document.documentElement.dataset.ready = 'true';
  reportHeight();
}, () => {});
