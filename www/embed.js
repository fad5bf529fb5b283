// @ts-check
// The calculator inside an iframe (embed.html). It tells the page that holds
// it how tall it is, so that the page can size the iframe with no scroll bar:
//
//   { "type": "sfpc:height", "version": 1, "height": <CSS pixels, a whole number> }
//
// posted to the parent window whenever the height changes. The message holds
// nothing but the height. It goes only to the origin named in the iframe's
// `parent-origin` query parameter when there is one (recommended), else to
// any parent. The iframe listens to no messages. embed-host.js is the host's
// side: it checks each message's origin, source and shape.
//
// Query parameters: `programme` (as the element's attribute) and
// `parent-origin`; a fragment made by "Copy a link" restores its figures.

import { mountCalculator } from './calculator.js';

const MESSAGE_TYPE = 'sfpc:height';
const params = new URLSearchParams(location.search);

/** The parent's origin as given, if it is a plain origin ("https://council.example"). */
function parentOrigin() {
  const given = params.get('parent-origin');
  if (!given) return '*';
  try {
    const origin = new URL(given).origin;
    return origin === given ? origin : null;
  } catch {
    return null;
  }
}

const target = parentOrigin();
let lastHeight = 0;

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window || target === null) return;
  lastHeight = height;
  window.parent.postMessage({ type: MESSAGE_TYPE, version: 1, height }, target);
}

// Browsers pause rendering, and so ResizeObserver, in a cross-origin iframe
// that is off screen; measuring once the calculator has drawn gives the host
// its height before the reader scrolls to it.
new ResizeObserver(reportHeight).observe(document.documentElement);

mountCalculator(document, document.getElementById('app'), {
  address: true,
  programme: params.get('programme'),
  linkPage: new URL('index.html', location.href).href,
}).then(() => {
  document.documentElement.dataset.ready = 'true';
  reportHeight();
}, () => {});
