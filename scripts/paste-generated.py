"""Pastes the tables the tests write to target/ when the README or the page
differ from the engine into README.md and www/checks.html:

- target/checks.md and target/checks.html: the published results checked
  (tests/it/reproduction.rs);
- target/council-figures.md: "Your council's figures" (tests/it/councils.rs).

Run `cargo test --test it`, then this, then the tests again (a test stops at
the first table that differs, so a second round may write another)."""
import os


def paste(path, text, start, end, keep_end=True):
    """Replaces what lies from `start` up to `end` in the file with `text`."""
    whole = open(path).read()
    a = whole.index(start)
    b = whole.index(end, a)
    if not keep_end:
        b += len(end)
    open(path, 'w').write(whole[:a] + text + whole[b:])


def take(path):
    text = open(path).read()
    os.remove(path)
    return text


if os.path.exists('target/checks.md'):
    paste('README.md', take('target/checks.md') + '\n', '| Model | Published result', '## Uncertainty')
if os.path.exists('target/checks.html'):
    paste('www/checks.html', take('target/checks.html'), '<table class="table checks-table">', '</table>', keep_end=False)
if os.path.exists('target/council-figures.md'):
    paste('README.md', take('target/council-figures.md').rstrip('\n') + '\n\n',
          '**Family Valued** runs in', '`sfpc batch` on the default template')
