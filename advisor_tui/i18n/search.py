"""Texts of the search area."""

TEXTS: dict[str, dict[str, str]] = {}
