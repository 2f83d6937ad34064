"""Texts of the addresses area."""

TEXTS: dict[str, dict[str, str]] = {}
