// @ts-check
// The page's "Checked against published results" panel: the table lives in
// checks.html (written by the engine, checked by the tests), fetched once
// the calculator is up so that it costs the first view nothing. Without
// scripts the section's link leads to it.

/** Puts checks.html's panel into the page's #checks section, if it has one. @param {Document} doc */
export async function loadChecksPanel(doc) {
  const section = doc.getElementById('checks');
  if (!section) return;
  try {
    const response = await fetch('checks.html');
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const panel = page.getElementById('checks-panel');
    if (!panel) return;
    // Folded under the link's own words, so that the calculator stays the
    // page's length; one click opens it.
    const paragraph = section.querySelector('p');
    const details = doc.createElement('details');
    details.className = 'data';
    const summary = doc.createElement('summary');
    summary.textContent = paragraph?.querySelector('a')?.textContent ?? '';
    details.append(summary, doc.importNode(panel, true));
    paragraph?.replaceWith(details);
  } catch {
    // The link stays: the panel is one click away.
  }
}
