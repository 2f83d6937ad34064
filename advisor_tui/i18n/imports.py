"""Texts of the imports area."""

TEXTS: dict[str, dict[str, str]] = {}
