// @ts-check
// <sfpc-calculator>: the calculator as an element for any web page.
//
//   <script type="module" src="https://CALCULATOR/sfpc-calculator.js"></script>
//   <sfpc-calculator programme="no-wrong-door" scenario="/figures/our-council.json"></sfpc-calculator>
//
// Attributes, read when the element is first put on the page:
// - `programme`: the model shown first: family-valued, family-safeguarding,
//   no-wrong-door or compare (default: family-valued);
// - `scenario`: the address of a scenario file (any format, 1 to 4; the
//   calculator's "Download the figures" button saves format 4) to start from.
//
// The calculator lives in a shadow root with its own stylesheet, so the host
// page's CSS cannot restyle it (`:host` in style.css resets what would be
// inherited). Every element on a page is independent; they share the engine.
// wasm-bindgen cannot extend HTMLElement, so this small shim does.

import { mountCalculator } from './calculator.js';

const STYLESHEET = new URL('style.css', import.meta.url).href;
/** Links copied in an element open the full calculator page. */
const CALCULATOR_PAGE = new URL('index.html', import.meta.url).href;

class SfpcCalculator extends HTMLElement {
  connectedCallback() {
    if (this.mounted) return; // moved within the page: it keeps its state
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = STYLESHEET;
    const container = document.createElement('div');
    container.className = 'sfpc-root';
    shadow.replaceChildren(stylesheet, container);
    this.removeAttribute('ready');
    /** Resolves to the calculator, or null if it could not start. */
    this.mounted = mountCalculator(shadow, container, {
      programme: this.getAttribute('programme'),
      scenarioUrl: this.getAttribute('scenario'),
      linkPage: CALCULATOR_PAGE,
      events: this,
    }).then((calculator) => {
      this.setAttribute('ready', '');
      return calculator;
    }, () => {
      this.setAttribute('failed', '');
      return null;
    });
  }

  /**
   * Off the page: once this task is over and it has not come back (a move
   * takes it off and puts it back at once), the calculator is destroyed: its
   * workers, observers and listeners stop and the engine's objects it held are
   * freed. Put back later, it starts afresh.
   */
  disconnectedCallback() {
    setTimeout(() => {
      if (this.isConnected || !this.mounted) return;
      const mounted = this.mounted;
      this.mounted = null;
      mounted.then((calculator) => calculator?.destroy());
    }, 0);
  }
}

if (!customElements.get('sfpc-calculator')) customElements.define('sfpc-calculator', SfpcCalculator);
