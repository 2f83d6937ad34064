"""HTML mails reduced to readable text (stdlib `html.parser`: no new dependency).

Scripts, styles and the head are dropped; block elements and `<br>` start new
lines, list items get a dash, whitespace inside a paragraph is collapsed,
entities are decoded, and a link shows its address when its text does not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HIDDEN = {"script", "style", "head", "title", "template", "noscript"}
_BLOCKS = {
    "p", "div", "br", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd", "dt",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.href: list[str] = []
        self.link_start = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
            if tag == "li":
                self.out.append("- ")
        elif tag in {"td", "th"}:
            self.out.append(" ")
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")
            self.link_start = len(self.out)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS and tag != "li":  # the next item starts its own line
            self.out.append("\n")
        elif tag == "a" and self.href:
            href = self.href.pop()
            shown = "".join(self.out[self.link_start :])
            if href.startswith(("http:", "https:")) and href not in shown:
                self.out.append(f" ({href})")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """The readable text of an HTML document or fragment."""
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup the parser gives up on
        pass
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.out).split("\n"))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
