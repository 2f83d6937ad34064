"""Texts of the calls area."""

TEXTS: dict[str, dict[str, str]] = {}
