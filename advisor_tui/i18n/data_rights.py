"""Texts of the data_rights area."""

TEXTS: dict[str, dict[str, str]] = {}
