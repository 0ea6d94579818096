"""The annotated text as one self-contained HTML page: pinyin over the words in ``<ruby>``,
the learner's translation under each sentence, idiom notes as footnotes, a glossary.

Inline CSS only (no scripts, fonts or links out), tone-coloured pinyin, a print style.
Everything from the text or the learner passes through ``html.escape``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from studyaid.core.nlp.pinyin import join_word
from studyaid.core.output.tones import PAPER

if TYPE_CHECKING:
    from studyaid.export.text_document import Footnote, Line, Syllable, TextDocument

CSS = """\
:root { """ + " ".join(f"--t{t}: {c};" for t, c in PAPER.items()) + """
  --muted: #666; --rule: #ddd; }
body { font-family: "Noto Serif", Georgia, serif; line-height: 1.5; color: #222;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.sub { color: var(--muted); margin-top: 0; }
h2 { font-size: 1.2rem; border-bottom: 1px solid var(--rule); margin-top: 2.5rem; }
.sentence { margin: 0 0 1.4rem; break-inside: avoid; }
.zh { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC",
  "PingFang SC", "Microsoft YaHei", serif; font-size: 1.45rem; line-height: 2.6;
  margin: 0; }
ruby { ruby-position: over; margin: 0 0.12em; }
rt { font-family: "Noto Sans", Arial, sans-serif; font-size: 0.5em; }
.t1 { color: var(--t1); } .t2 { color: var(--t2); } .t3 { color: var(--t3); }
.t4 { color: var(--t4); } .t5 { color: var(--t5); }
.en { margin: 0.1rem 0 0; font-style: italic; }
.stale { color: var(--muted); }
.flag { font-style: normal; font-size: 0.8em; border: 1px solid var(--muted);
  border-radius: 3px; padding: 0 0.3em; margin-left: 0.4em; }
sup.ref { font-size: 0.5em; line-height: 0; }
sup.ref a { text-decoration: none; }
.notes li { margin-bottom: 0.8rem; }
.idiom { font-size: 1.15em; }
dl { margin: 0.2rem 0 0; }
dt { font-weight: bold; float: left; clear: left; width: 6.5rem; }
dd { margin-left: 6.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule);
  padding: 0.3rem 0.5rem 0.3rem 0; }
td.word { font-size: 1.15em; white-space: nowrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  .zh { font-size: 15pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .back, footer { display: none; }
  h2 { break-after: avoid; }
  tr, .notes li { break-inside: avoid; }
}
"""


def _reading(reading: tuple[Syllable, ...], spaced: bool = False) -> str:
    """Tone-coloured syllables written as one word (the apostrophe as ``join_word`` has
    it), or ``spaced`` one by one as an idiom is read."""
    out = []
    for i, syllable in enumerate(reading):
        apostrophe = ("'" if i and not spaced
                      and join_word(["x", syllable.marks]) != "x" + syllable.marks else "")
        out.append(f'<span class="t{syllable.tone}">{apostrophe}{escape(syllable.marks)}</span>')
    return (" " if spaced else "").join(out)


def _sentence(line: Line, referenced: set[int]) -> str:
    parts = []
    for word in line.words:
        if word.reading:
            parts.append(f"<ruby>{escape(word.text)}<rt>{_reading(word.reading)}</rt></ruby>")
        else:
            parts.append(escape(word.text))
        for number in word.notes:
            anchor = "" if number in referenced else f' id="ref-{number}"'
            referenced.add(number)
            parts.append(f'<sup class="ref"><a href="#note-{number}"{anchor}>{number}</a></sup>')
    out = [f'<section class="sentence" id="s{line.index + 1}">',
           f'<p class="zh" lang="zh-Hans">{"".join(parts)}</p>']
    if line.translation and line.stale:
        out.append(f'<p class="en stale">{escape(line.translation)}<span class="flag" '
                   'title="The sentence has changed since you translated it">stale</span></p>')
    elif line.translation:
        out.append(f'<p class="en">{escape(line.translation)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _footnote(note: Footnote) -> str:
    head = (f'<li id="note-{note.number}"><p><span class="idiom" lang="zh-Hans">'
            f"{escape(note.word)}</span> {_reading(note.reading, spaced=True)} "
            f'<a class="back" href="#ref-{note.number}" title="back to the text">↩</a></p>')
    if note.literal or note.figurative or note.usage:
        rows = [("Literally", note.literal, "en"), ("Figuratively", note.figurative, "en"),
                ("Usage", note.usage, "en")]
    else:
        rows = [("English", note.english, "en"), ("Chinese", note.chinese, "zh-Hans")]
    body = "".join(f'<dt>{name}</dt><dd lang="{lang}">{escape(text)}</dd>'
                   for name, text, lang in rows if text)
    return f"{head}\n<dl>{body}</dl></li>"


def write_html(document: TextDocument) -> str:
    """The document as a self-contained HTML page."""
    title = escape(document.title)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="studyaid">',
        f"<title>{title}</title>",
        f"<style>\n{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f'<h1 lang="zh-Hans">{title}</h1>',
        f'<p class="sub">{len(document.lines)} sentences, '
        f"{sum(1 for line in document.lines if line.translation)} translated</p>",
    ]
    referenced: set[int] = set()
    out += [_sentence(line, referenced) for line in document.lines]
    if not document.lines:
        out.append('<p class="empty">The text is empty.</p>')
    if document.footnotes:
        out += ['<section class="notes">', "<h2>Idiom notes</h2>", "<ol>"]
        out += [_footnote(note) for note in document.footnotes]
        out += ["</ol>", "</section>"]
    if document.glossary:
        out += ['<section class="glossary">', "<h2>Glossary</h2>", "<table>",
                "<thead><tr><th>Word</th><th>Reading</th><th>Gloss</th><th>Note</th></tr>"
                "</thead>", "<tbody>"]
        out += [f'<tr><td class="word" lang="zh-Hans">{escape(entry.word)}</td>'
                f"<td>{_reading(entry.reading)}</td><td>{escape(entry.gloss)}</td>"
                f"<td>{escape(entry.note)}</td></tr>" for entry in document.glossary]
        out += ["</tbody>", "</table>", "</section>"]
    out += ["</main>", "<footer>Exported from studyaid.</footer>", "</body>", "</html>", ""]
    return "\n".join(out)
