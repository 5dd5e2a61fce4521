"""A knowledge article as a Help Center article's HTML body, and back.

The bot writes each part under its own heading ("Problem", "Symptoms", ...); an article read
back is split at those headings, so one published from Teams round-trips. An article written
in Zendesk without them is kept whole as its problem text, which search and the card read too.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from services.knowledge.content import join_models, split_models
from services.knowledge.model import ArticleContent

PARTS = (
    ("problem", "Problem"),
    ("symptoms", "Symptoms"),
    ("cause", "Cause"),
    ("resolution", "Resolution"),
    ("machine_models", "Machine models"),
)
_BY_LABEL = {label.casefold(): name for name, label in PARTS}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol"}
_HEADINGS = {"h1", "h2", "h3", "h4"}


def article_html(content: ArticleContent) -> str:
    """The body: each part that has text under its heading, its lines as paragraphs."""
    values = {name: getattr(content, name) for name, _ in PARTS[:-1]}
    values["machine_models"] = join_models(content.machine_models)
    blocks = []
    for name, label in PARTS:
        text = values[name].strip()
        if text:
            lines = [line for line in text.splitlines() if line.strip()]
            paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            blocks.append(f"<h2>{label}</h2>{paragraphs}")
    return "".join(blocks)


def article_content(title: str, body: str | None) -> ArticleContent:
    """What a Help Center article says, split at the bot's headings when it has them."""
    parser = _Parts()
    parser.feed(body or "")
    parser.close()
    parts = {name: "\n".join(lines).strip() for name, lines in parser.parts.items()}
    models = split_models(parts.pop("machine_models", ""))
    intro = parts.pop("", "")
    if intro:  # text before (or without) the headings says what the problem is
        parts["problem"] = "\n".join(t for t in (intro, parts.get("problem", "")) if t)
    return ArticleContent(title=title.strip(), machine_models=models, **parts)


class _Parts(HTMLParser):
    """Plain text per part: a heading naming a part starts it; other markup is dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {}
        self._part, self._line, self._heading = "", "", None

    def handle_starttag(self, tag: str, attrs) -> None:
        self._break()
        if tag in _HEADINGS:
            self._heading = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS and self._heading is not None:
            name = _BY_LABEL.get(_space(self._heading).casefold())
            if name is None:  # a heading of its own: kept as a line of the text
                self._line = self._heading
            else:
                self._part = name
            self._heading = None
        if tag in _BLOCKS or tag in _HEADINGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading += data
        else:
            self._line += data

    def close(self) -> None:
        super().close()
        self._break()

    def _break(self) -> None:
        line = _space(self._line)
        if line:
            self.parts.setdefault(self._part, []).append(line)
        self._line = ""


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
