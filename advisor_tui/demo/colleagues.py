"""Demo colleagues: two advisors share the demo's database and have some of its work.

A quarter of the open follow-ups and a fifth of the requests are handed to
them (chosen by id, so the same seed gives the same picture), so `--demo`
shows the assignee column, the assign dialog's colleagues and "mine / all".
No random numbers are drawn: the rest of the demo stays as it was.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from advisor_tui.domain.models import AdvisorUser, FollowUp, Request
from advisor_tui.domain.timestamps import utcnow

COLLEAGUES = ("Petra Lorenz", "Jonas Brandt")


def add_demo_colleagues(conn: Connection) -> int:
    """Register the colleagues; hand them some open work. Returns how many items.

    The advisor at the desk registers with their first write, as in a real office.
    """
    users = AdvisorUser.__table__  # type: ignore[attr-defined]
    known = set(conn.execute(select(users.c.name)).scalars())
    for name in COLLEAGUES:
        if name not in known:
            conn.execute(insert(users).values(name=name, created_at=utcnow()))
    petra, jonas = COLLEAGUES
    assigned = 0
    followup = FollowUp.__table__  # type: ignore[attr-defined]
    request = Request.__table__  # type: ignore[attr-defined]
    for table, every, shares in (
        (followup, 8, ((3, petra), (6, jonas))),
        (request, 10, ((2, petra), (7, jonas))),
    ):
        for rest, name in shares:
            query = update(table).where(table.c.id % every == rest).values(assigned_to=name)
            if table is followup:
                query = query.where(table.c.done_at.is_(None))
            assigned += conn.execute(query).rowcount or 0
    return assigned
