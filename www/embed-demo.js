// @ts-check
// The demo host page's one control: a hostile stylesheet, on and off.
const HOSTILE = new URL('embed-demo-hostile.css', import.meta.url).href;

document.getElementById('hostile')?.addEventListener('change', (event) => {
  const existing = document.getElementById('hostile-css');
  if (!(/** @type {HTMLInputElement} */ (event.target)).checked) {
    existing?.remove();
    return;
  }
  if (existing) return;
  const link = document.createElement('link');
  link.id = 'hostile-css';
  link.rel = 'stylesheet';
  link.href = HOSTILE;
  document.head.append(link);
});
