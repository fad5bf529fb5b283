// @ts-check
// For a web page that holds the calculator in an iframe: sizes each
// <iframe data-sfpc-embed> to the height the calculator reports (embed.js
// documents the message). Load it with
//
//   <script src="https://CALCULATOR/embed-host.js" defer></script>
//
// A message is used only if it comes from one of those iframes (its window
// and its origin both match the iframe's) and has exactly the expected shape;
// anything else is ignored.
(() => {
  const MESSAGE_TYPE = 'sfpc:height';
  const MAX_HEIGHT_PX = 100000;

  /** @param {any} data what a message brought */
  function isHeightMessage(data) {
    return data !== null && typeof data === 'object' && data.type === MESSAGE_TYPE && data.version === 1
      && Number.isInteger(data.height) && data.height > 0 && data.height <= MAX_HEIGHT_PX;
  }

  window.addEventListener('message', (event) => {
    if (!isHeightMessage(event.data)) return;
    for (const frame of document.querySelectorAll('iframe[data-sfpc-embed]')) {
      if (!(frame instanceof HTMLIFrameElement)) continue;
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, document.baseURI).origin !== event.origin) continue;
      frame.style.height = `${event.data.height}px`;
      frame.dataset.sfpcHeight = String(event.data.height);
    }
  });
})();
