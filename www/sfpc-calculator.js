// <sfpc-calculator>: the calculator as an element for any web page.
//
//   <script type="module" src="https://CALCULATOR/sfpc-calculator.js"></script>
//   <sfpc-calculator programme="no-wrong-door" scenario="/figures/our-council.json"></sfpc-calculator>
//
// Attributes, read when the element is first put on the page:
// - `programme`: the model shown first: family-valued, family-safeguarding,
//   no-wrong-door or compare (default: family-valued);
// - `scenario`: the address of a scenario file (scenario format 2, as the
//   calculator's "Download the figures" button saves, or format 1) to start from.
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
    if (this.shadowRoot) return; // moved within the page: keep its state
    const shadow = this.attachShadow({ mode: 'open' });
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = STYLESHEET;
    const container = document.createElement('div');
    container.className = 'sfpc-root';
    shadow.append(stylesheet, container);
    mountCalculator(shadow, container, {
      programme: this.getAttribute('programme'),
      scenarioUrl: this.getAttribute('scenario'),
      linkPage: CALCULATOR_PAGE,
      events: this,
    }).then((calculator) => {
      this.calculator = calculator;
      this.setAttribute('ready', '');
    }, () => this.setAttribute('failed', ''));
  }

  /** Off the page: its simulation workers stop (they start again if it comes back). */
  disconnectedCallback() {
    this.calculator?.destroy();
  }
}

if (!customElements.get('sfpc-calculator')) customElements.define('sfpc-calculator', SfpcCalculator);
