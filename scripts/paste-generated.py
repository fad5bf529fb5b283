"""Pastes the tables the tests write to target/ when the README or the page
differ from the engine (the published-results checks, the council figures)
into README.md and www/checks.html. Run after `cargo test`, then re-run it."""
import os

def replace_between(text, start, end, new):
    i = text.index(start)
    j = text.index(end, i)
    return text[:i] + new + text[j:]

if os.path.exists('target/checks.md'):
    md = open('target/checks.md').read()
    r = open('README.md').read()
    a = r.index('| Model | Published result')
    b = r.index('## Uncertainty', a)
    r = r[:a] + md + '\n' + r[b:]
    open('README.md', 'w').write(r)
    os.remove('target/checks.md')
if os.path.exists('target/checks.html'):
    h = open('target/checks.html').read()
    p = open('www/checks.html').read()
    i = p.index('<table class="table checks-table">')
    j = p.index('</table>', i) + len('</table>')
    open('www/checks.html', 'w').write(p[:i] + h + p[j:])
    os.remove('target/checks.html')
