// @ts-check
// An embedded page's height, told to the page that holds its iframe, so
// that the host can size the iframe with no scroll bar:
//
//   { "type": "sfpc:height", "version": 1, "height": <CSS pixels, a whole number> }
//
// posted to the parent window whenever the height changes. The message holds
// nothing but the height. It goes only to the origin named in the iframe's
// `parent-origin` query parameter when there is one (recommended), else to
// any parent. The iframe listens to no messages. embed-host.js is the host's
// side: it checks each message's origin, source and shape. Shared by the
// calculator's embed (embed.js) and the map's (map-embed.js).

const MESSAGE_TYPE = 'sfpc:height';

/** The parent's origin as given, if it is a plain origin ("https://council.example"). @param {URLSearchParams} params */
function parentOrigin(params) {
  const given = params.get('parent-origin');
  if (!given) return '*';
  try {
    const origin = new URL(given).origin;
    return origin === given ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Starts telling the parent this page's height; returns a function that
 * tells it now (call it once the page has drawn: browsers pause rendering,
 * and so ResizeObserver, in a cross-origin iframe that is off screen).
 * @param {URLSearchParams} params
 */
export function reportHeights(params) {
  const target = parentOrigin(params);
  let lastHeight = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight || window.parent === window || target === null) return;
    lastHeight = height;
    window.parent.postMessage({ type: MESSAGE_TYPE, version: 1, height }, target);
  };
  new ResizeObserver(report).observe(document.documentElement);
  return report;
}
