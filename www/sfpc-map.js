// @ts-check
// <sfpc-map>: the map of England for any web page, in an iframe of
// map-embed.html sized to its content.
//
//   <script type="module" src="https://CALCULATOR/sfpc-map.js"></script>
//   <sfpc-map model="family-safeguarding">
//     <a href="https://CALCULATOR/councils.html"><img src="https://CALCULATOR/map-family-safeguarding.svg" alt="…"></a>
//   </sfpc-map>
//
// What the element holds is shown where scripts do not run (the fallback
// image and link); where they do, the element replaces it with the map.
// Attributes: `model` (family-valued, family-safeguarding, no-wrong-door)
// and `measure` (council_npv, cashable_npv, payback).

const EMBED = new URL('map-embed.html', import.meta.url);

class SfpcMap extends HTMLElement {
  connectedCallback() {
    if (this.frame) return;
    const src = new URL(EMBED);
    for (const name of ['model', 'measure']) {
      const value = this.getAttribute(name);
      if (value) src.searchParams.set(name, value);
    }
    src.searchParams.set('parent-origin', location.origin);
    const frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = 'Where each model pays back: a map of England';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = '700px';
    this.frame = frame;
    this.replaceChildren(frame);
    window.addEventListener('message', (event) => {
      const m = event.data;
      if (event.source !== frame.contentWindow || event.origin !== EMBED.origin) return;
      if (m?.type !== 'sfpc:height' || m.version !== 1 || !Number.isInteger(m.height) || m.height < 1 || m.height > 100000) return;
      frame.style.height = `${m.height}px`;
    });
  }
}

if (!customElements.get('sfpc-map')) customElements.define('sfpc-map', SfpcMap);
