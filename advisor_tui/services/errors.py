"""Errors the services raise for the user: str() is one clear sentence."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case refused the input; the message says why (English, keyed)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


class NotFound(ServiceError):
    """The record asked for does not exist (or is restricted)."""


class StaleWrite(ServiceError):
    """Someone else changed (or deleted) the record since it was loaded.

    Key "stale_write" with `actor`, `time` (for display), `at` (ISO), `entity`
    and `id`; or "stale_gone" when the record no longer exists.
    """
