"""The words of a request: the subject, else the text, of its first message (card, pop-up)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Message

_CHUNK = 500


def first_texts(session: Session, request_ids: Sequence[int]) -> dict[int, str]:
    """Request id -> the subject (else the text) of its first message; "" when none."""
    texts: dict[int, str] = {}
    ids = sorted(set(request_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        first = (
            select(func.min(Message.id))
            .where(col(Message.request_id).in_(chunk))
            .group_by(col(Message.request_id))
        )
        rows = session.exec(
            select(Message.request_id, Message.subject, Message.text).where(
                col(Message.id).in_(first)
            )
        ).all()
        for request_id, subject, text in rows:
            texts[request_id] = subject or text
    return texts
