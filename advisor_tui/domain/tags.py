"""Tags: free text, comma-separated on the person; compared without regard to case."""

from __future__ import annotations

from collections.abc import Iterable


def split_tags(text: str) -> list[str]:
    """The tags in `text`, trimmed, each once (the first spelling wins)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def join_tags(tags: Iterable[str]) -> str:
    return ", ".join(split_tags(",".join(tags)))


def has_tag(text: str, tag: str) -> bool:
    wanted = " ".join(tag.split()).casefold()
    return any(t.casefold() == wanted for t in split_tags(text))


def complete(text: str, known: Iterable[str]) -> str | None:
    """`text` with its last tag completed from `known` (first match by the given order),
    or None when nothing fits. "Rente, Dep" -> "Rente, Depot"."""
    head, sep, last = text.rpartition(",")
    prefix = last.lstrip()
    if not prefix:
        return None
    taken = {t.casefold() for t in split_tags(head)}
    for tag in known:
        if tag.casefold().startswith(prefix.casefold()) and tag.casefold() not in taken:
            lead = last[: len(last) - len(prefix)]
            return f"{head}{sep}{lead}{tag}"
    return None
