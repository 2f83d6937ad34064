"""Call monitor: the line parser, the call state machine and the reconnecting client."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone

import pytest

from advisor_tui.io.callmonitor import (
    Backoff,
    CallEvent,
    CallMonitor,
    CallOutcome,
    CallTracker,
    EventType,
    LinkState,
    LinkStatus,
    MonitorLineError,
    OutcomeKind,
    parse_line,
)
from tests.io.callmonitor_box import FakeBox, free_port

BERLIN_SUMMER = timezone(timedelta(hours=2))


def at(hms: str) -> datetime:
    h, m, s = (int(x) for x in hms.split(":"))
    return datetime(2025, 5, 3, h, m, s, tzinfo=BERLIN_SUMMER)


# --- parser ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "03.05.25 14:02:10;RING;0;01711234567;4930123456;SIP0;",
            CallEvent(EventType.RING, at("14:02:10"), 0, "01711234567", "4930123456", line="SIP0"),
        ),
        (  # hidden caller: empty field
            "03.05.25 14:02:10;RING;1;;4930123456;SIP1;",
            CallEvent(EventType.RING, at("14:02:10"), 1, None, "4930123456", line="SIP1"),
        ),
        (  # hidden caller: "0"
            "03.05.25 14:02:10;RING;2;0;4930123456;SIP1;",
            CallEvent(EventType.RING, at("14:02:10"), 2, None, "4930123456", line="SIP1"),
        ),
        (  # "#" and what follows is not part of the number
            "03.05.25 14:02:10;RING;0;01711234567#;4930123456#1;SIP0;",
            CallEvent(EventType.RING, at("14:02:10"), 0, "01711234567", "4930123456", line="SIP0"),
        ),
        (
            "03.05.25 09:15:00;CALL;3;11;4930123456;01601234567;SIP0;",
            CallEvent(
                EventType.CALL,
                at("09:15:00"),
                3,
                remote="01601234567",
                local="4930123456",
                extension="11",
                line="SIP0",
            ),
        ),
        (
            "03.05.25 09:15:07;CONNECT;3;11;01601234567;",
            CallEvent(EventType.CONNECT, at("09:15:07"), 3, "01601234567", extension="11"),
        ),
        (
            "03.05.25 09:17:00;DISCONNECT;3;113;",
            CallEvent(EventType.DISCONNECT, at("09:17:00"), 3, duration_seconds=113),
        ),
        (  # no trailing ";" and CRLF still parse
            "03.05.25 09:17:00;DISCONNECT;3;0\r\n",
            CallEvent(EventType.DISCONNECT, at("09:17:00"), 3, duration_seconds=0),
        ),
    ],
)
def test_parse_line(line: str, expected: CallEvent):
    event = parse_line(line, BERLIN_SUMMER)
    assert event == CallEvent(**{**expected.__dict__, "raw": line.strip()})


@pytest.mark.parametrize(
    "line",
    [
        "",
        "hello",
        "03.05.25 14:02:10;RING;0;",  # too few fields
        "03.05.25 14:02:10;HANGUP;0;12;",  # unknown event
        "32.13.25 14:02:10;RING;0;0171;030;SIP0;",  # bad date
        "03.05.25 14:02:10;RING;x;0171;030;SIP0;",  # bad connection id
        "03.05.25 14:02:10;DISCONNECT;0;lang;",  # bad duration
        "03.05.25 14:02:10;CALL;0;11;030;",  # CALL without called number and line
        "\x00\xff;;;;;;",
    ],
)
def test_junk_lines_raise_line_error(line: str):
    with pytest.raises(MonitorLineError):
        parse_line(line)


def test_timestamp_without_zone_is_the_machines_local_time():
    event = parse_line("03.05.25 14:02:10;DISCONNECT;0;5;")
    assert event.at.tzinfo is not None
    assert event.at.replace(tzinfo=None) == datetime(2025, 5, 3, 14, 2, 10)


# --- the state machine ---------------------------------------------------------


def feed_all(tracker: CallTracker, lines: list[str]) -> list[CallOutcome]:
    out: list[CallOutcome] = []
    for line in lines:
        out += tracker.feed(parse_line(line, BERLIN_SUMMER))
    return out


def test_missed_call_is_ring_then_disconnect():
    outcomes = feed_all(
        CallTracker(),
        [
            "03.05.25 14:02:10;RING;0;01711234567;4930123456;SIP0;",
            "03.05.25 14:02:30;DISCONNECT;0;0;",
        ],
    )
    assert [o.kind for o in outcomes] == [OutcomeKind.RING, OutcomeKind.MISSED]
    missed = outcomes[1]
    assert (missed.number, missed.direction, missed.connected) == ("01711234567", "in", False)
    assert missed.started_at == at("14:02:10")  # the time of the call, not of hanging up
    assert missed.at == at("14:02:30")


def test_answered_call_has_duration():
    outcomes = feed_all(
        CallTracker(),
        [
            "03.05.25 14:02:10;RING;0;01711234567;4930123456;SIP0;",
            "03.05.25 14:02:15;CONNECT;0;12;01711234567;",
            "03.05.25 14:04:15;DISCONNECT;0;120;",
        ],
    )
    assert [o.kind for o in outcomes] == [
        OutcomeKind.RING,
        OutcomeKind.CONNECTED,
        OutcomeKind.ANSWERED,
    ]
    assert outcomes[-1].duration_seconds == 120
    assert outcomes[-1].extension == "12"


def test_outgoing_call():
    outcomes = feed_all(
        CallTracker(),
        [
            "03.05.25 09:15:00;CALL;3;11;4930123456;01601234567;SIP0;",
            "03.05.25 09:15:40;DISCONNECT;3;0;",
        ],
    )
    assert [o.kind for o in outcomes] == [OutcomeKind.OUTGOING, OutcomeKind.OUTGOING_ENDED]
    assert all(o.direction == "out" and o.number == "01601234567" for o in outcomes)
    assert not outcomes[-1].connected


def test_overlapping_calls_and_reused_connection_ids():
    outcomes = feed_all(
        CallTracker(),
        [
            "03.05.25 10:00:00;RING;0;01711111111;030123;SIP0;",
            "03.05.25 10:00:01;CONNECT;0;10;01711111111;",
            # A second call rings while the first is still running.
            "03.05.25 10:00:30;RING;1;01722222222;030123;SIP0;",
            "03.05.25 10:00:50;DISCONNECT;1;0;",
            "03.05.25 10:01:00;DISCONNECT;0;59;",
            # Connection id 0 is used again for a new call: a fresh, missed one.
            "03.05.25 10:05:00;RING;0;;030123;SIP0;",
            "03.05.25 10:05:20;DISCONNECT;0;0;",
        ],
    )
    summary = [(o.kind, o.number) for o in outcomes if o.kind not in ("ring", "connected")]
    assert summary == [
        (OutcomeKind.MISSED, "01722222222"),
        (OutcomeKind.ANSWERED, "01711111111"),
        (OutcomeKind.MISSED, None),
    ]
    assert outcomes[-1].withheld


def test_new_ring_on_open_connection_id_starts_a_new_call():
    tracker = CallTracker()
    outcomes = feed_all(
        tracker,
        [
            "03.05.25 10:00:00;RING;4;01711111111;030123;SIP0;",
            # The DISCONNECT of the first call was lost; the id is reused.
            "03.05.25 10:10:00;RING;4;01722222222;030123;SIP0;",
            "03.05.25 10:10:20;DISCONNECT;4;0;",
        ],
    )
    assert [(o.kind, o.number) for o in outcomes][-1] == (OutcomeKind.MISSED, "01722222222")
    assert tracker.open_calls == 0


def test_events_for_unknown_connections_are_ignored():
    tracker = CallTracker()
    assert feed_all(tracker, ["03.05.25 10:00:01;CONNECT;7;10;0171;"]) == []
    assert feed_all(tracker, ["03.05.25 10:00:01;DISCONNECT;7;10;"]) == []


def test_stale_calls_are_forgotten():
    tracker = CallTracker(max_age=timedelta(hours=1))
    feed_all(tracker, ["03.05.25 10:00:00;RING;1;0171;030;SIP0;"])
    feed_all(tracker, ["03.05.25 12:00:00;RING;2;0172;030;SIP0;"])
    assert tracker.open_calls == 1


def test_backoff_doubles_to_cap_and_resets():
    backoff = Backoff(1, 60)
    assert [backoff.next() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    backoff.reset()
    assert backoff.next() == 1


# --- the client against a real TCP server -------------------------------------------

RING_AND_MISS = [
    "03.05.25 14:02:10;RING;0;01711234567#;4930123456;SIP0;",
    "not a call monitor line",
    "03.05.25 14:02:30;DISCONNECT;0;0;",
]


async def collect(monitor: CallMonitor, outcomes: list, count: int, timeout: float = 5.0):
    """Run `monitor` until `count` outcomes arrived; return the task's states."""
    task = asyncio.create_task(monitor.run())
    try:
        async with asyncio.timeout(timeout):
            while len(outcomes) < count:
                await asyncio.sleep(0.01)
    finally:
        monitor.stop()
        await asyncio.wait_for(task, 2)


async def test_client_reports_ring_and_missed_call():
    box = FakeBox([RING_AND_MISS])
    port = await box.start()
    outcomes: list[CallOutcome] = []
    statuses: list[LinkStatus] = []
    monitor = CallMonitor(
        "127.0.0.1", port, outcomes.append, on_status=statuses.append, tz=BERLIN_SUMMER
    )
    await collect(monitor, outcomes, 2)
    await box.close()
    assert [(o.kind, o.number) for o in outcomes] == [
        (OutcomeKind.RING, "01711234567"),
        (OutcomeKind.MISSED, "01711234567"),
    ]
    states = [s.state for s in statuses]
    assert states[:2] == [LinkState.CONNECTING, LinkState.CONNECTED]
    assert states[-1] == LinkState.STOPPED


async def test_client_reconnects_after_drop_and_keeps_the_call():
    # The box drops the link between RING and DISCONNECT; the call still pairs.
    box = FakeBox(
        [RING_AND_MISS[:1], ["03.05.25 14:02:30;DISCONNECT;0;0;"]],
        drop=[True, False],
    )
    port = await box.start()
    outcomes: list[CallOutcome] = []
    statuses: list[LinkStatus] = []
    monitor = CallMonitor(
        "127.0.0.1",
        port,
        outcomes.append,
        on_status=statuses.append,
        backoff_initial=0.02,
        backoff_cap=0.1,
    )
    await collect(monitor, outcomes, 2)
    await box.close()
    assert [o.kind for o in outcomes] == [OutcomeKind.RING, OutcomeKind.MISSED]
    assert monitor.connections == 2
    lost = [s for s in statuses if s.state is LinkState.LOST]
    assert lost and lost[0].retry_in == 0.02 and lost[0].reason == "closed"


async def test_client_retries_while_refused_then_connects():
    port = free_port()
    outcomes: list[CallOutcome] = []
    statuses: list[LinkStatus] = []
    monitor = CallMonitor(
        "127.0.0.1",
        port,
        outcomes.append,
        on_status=statuses.append,
        backoff_initial=0.01,
        backoff_cap=0.04,
    )
    task = asyncio.create_task(monitor.run())
    async with asyncio.timeout(5):
        while sum(s.state is LinkState.LOST for s in statuses) < 4:
            await asyncio.sleep(0.01)
    delays = [s.retry_in for s in statuses if s.state is LinkState.LOST][:4]
    assert delays == [0.01, 0.02, 0.04, 0.04]  # doubling, capped
    assert {s.reason for s in statuses if s.state is LinkState.LOST} == {"refused"}
    box = FakeBox([RING_AND_MISS])
    await box.start(port)
    try:
        async with asyncio.timeout(5):
            while len(outcomes) < 2:
                await asyncio.sleep(0.01)
    finally:
        monitor.stop()
        await asyncio.wait_for(task, 2)
        await box.close()
    assert outcomes[-1].kind is OutcomeKind.MISSED
    # A good connection resets the backoff for the next failure.
    assert monitor.backoff.next() == 0.01


async def test_broken_callback_does_not_stop_the_monitor():
    box = FakeBox([RING_AND_MISS])
    port = await box.start()
    seen: list[CallOutcome] = []

    async def flaky(outcome: CallOutcome) -> None:
        seen.append(outcome)
        raise RuntimeError("consumer bug")

    await collect(CallMonitor("127.0.0.1", port, flaky), seen, 2)
    await box.close()
    assert [o.kind for o in seen] == [OutcomeKind.RING, OutcomeKind.MISSED]


async def test_stop_while_waiting_to_reconnect_returns_at_once():
    monitor = CallMonitor("127.0.0.1", free_port(), backoff_initial=30, backoff_cap=60)
    task = asyncio.create_task(monitor.run())
    await asyncio.sleep(0.05)
    monitor.stop()
    started = asyncio.get_running_loop().time()
    await asyncio.wait_for(task, 2)
    assert asyncio.get_running_loop().time() - started < 0.5


def test_outcome_times_are_aware():
    outcome = CallTracker().feed(parse_line("03.05.25 14:02:10;RING;0;0171;030;SIP0;"))[0]
    assert outcome.started_at.utcoffset() is not None
    assert outcome.started_at.astimezone(UTC).tzinfo is UTC


# --- robustness: bad lines, many open calls, blocked calls, a failing reader ----------


@pytest.mark.parametrize(
    "line",
    [
        "03.05.25 14:02:10;RING;²;0171;030;SIP0;",  # Unicode digit in the connection id
        "03.05.25 14:02:10;DISCONNECT;0;1²;",  # ... and in the duration
        "03.05.25 14:02:10;DISCONNECT;٣;5;",  # Arabic-Indic digit: isdigit() says yes
        "03.05.25 14:02:10;DISCONNECT;0; ;",
        "03.05.25 14:02:10;DISCONNECT;-1;5;",
    ],
)
def test_non_ascii_digits_are_line_errors(line: str):
    with pytest.raises(MonitorLineError):
        parse_line(line)


def test_ring_and_disconnect_in_the_same_second_is_blocked_not_missed():
    outcomes = feed_all(
        CallTracker(),
        [
            "03.05.25 14:02:10;RING;0;01711234567;4930123456;SIP0;",
            "03.05.25 14:02:10;DISCONNECT;0;0;",
            "03.05.25 14:03:10;RING;1;01711234567;4930123456;SIP0;",
            "03.05.25 14:03:11;DISCONNECT;1;0;",
        ],
    )
    assert [o.kind for o in outcomes] == [
        OutcomeKind.RING,
        OutcomeKind.BLOCKED,
        OutcomeKind.RING,
        OutcomeKind.MISSED,
    ]


def test_blocked_call_records_nothing(session):
    from sqlmodel import select

    from advisor_tui.domain.models import FollowUp, Request
    from advisor_tui.services.calls.recording import handle_outcome

    outcomes = feed_all(
        CallTracker(),
        [
            "03.05.25 14:02:10;RING;0;01711234567;4930123456;SIP0;",
            "03.05.25 14:02:10;DISCONNECT;0;0;",
        ],
    )
    for outcome in outcomes:
        handle_outcome(session, outcome)
    session.commit()
    assert session.exec(select(FollowUp)).all() == []
    assert session.exec(select(Request)).all() == []


def test_twenty_thousand_open_calls_are_tracked_in_linear_time():
    import time

    start = datetime(2025, 5, 3, 8, 0, 0, tzinfo=BERLIN_SUMMER)
    count = 20_000
    rings = [
        CallEvent(EventType.RING, start + timedelta(seconds=i), i, f"0171{i:07d}", "030")
        for i in range(count)
    ]
    later = start + timedelta(seconds=count + 5)
    ends = [CallEvent(EventType.DISCONNECT, later, i, duration_seconds=0) for i in range(count)]
    tracker = CallTracker()
    began = time.process_time()  # CPU: a busy machine (the suite on all cores) must not matter
    for event in rings:
        tracker.feed(event)
    assert tracker.open_calls == count
    kinds = [o.kind for event in ends for o in tracker.feed(event)]
    elapsed = time.process_time() - began
    assert kinds == [OutcomeKind.MISSED] * count
    assert tracker.open_calls == 0
    assert elapsed < 1.0, f"{count} rings and disconnects took {elapsed:.2f} s"


def test_stale_calls_are_still_forgotten_after_reused_ids():
    tracker = CallTracker(max_age=timedelta(hours=1))
    feed_all(
        tracker,
        [
            "03.05.25 10:00:00;RING;1;0171;030;SIP0;",
            "03.05.25 10:30:00;RING;1;0172;030;SIP0;",  # reuses id 1: the first call is lost
            "03.05.25 11:10:00;RING;2;0173;030;SIP0;",  # the 10:00 entry goes, id 1 stays
        ],
    )
    assert tracker.open_calls == 2
    out = feed_all(tracker, ["03.05.25 11:10:05;DISCONNECT;1;0;"])
    assert [(o.kind, o.number) for o in out] == [(OutcomeKind.MISSED, "0172")]


async def test_bad_lines_are_skipped_and_the_monitor_goes_on(caplog):
    box = FakeBox(
        [
            [
                "03.05.25 14:02:10;RING;²;0171;030;SIP0;",
                "03.05.25 14:02:11;DISCONNECT;0;1²;",
                *RING_AND_MISS,
            ]
        ]
    )
    port = await box.start()
    outcomes: list[CallOutcome] = []
    monitor = CallMonitor("127.0.0.1", port, outcomes.append, tz=BERLIN_SUMMER)
    with caplog.at_level("WARNING", logger="advisor_tui.io.callmonitor"):
        await collect(monitor, outcomes, 2)
    await box.close()
    assert [o.kind for o in outcomes] == [OutcomeKind.RING, OutcomeKind.MISSED]
    assert monitor.skipped_lines == 3  # two bad digits and the junk line
    assert monitor.connections == 1  # never reconnected for a bad line
    assert any("connection id" in r.getMessage() for r in caplog.records)


async def test_tracker_failure_skips_the_line_only():
    class Fragile(CallTracker):
        def feed(self, event: CallEvent) -> list[CallOutcome]:
            if event.conn_id == 9:
                raise RuntimeError("tracker bug")
            return super().feed(event)

    box = FakeBox([["03.05.25 14:00:00;RING;9;0170;030;SIP0;", *RING_AND_MISS]])
    port = await box.start()
    outcomes: list[CallOutcome] = []
    monitor = CallMonitor("127.0.0.1", port, outcomes.append, tracker=Fragile())
    await collect(monitor, outcomes, 2)
    await box.close()
    assert [o.kind for o in outcomes] == [OutcomeKind.RING, OutcomeKind.MISSED]
    assert monitor.skipped_lines == 2


async def test_a_dying_reader_reports_lost_and_reconnects():
    class Broken(CallMonitor):
        failures = 1

        async def _handle_line(self, line: str) -> bool:
            if self.failures:
                self.failures -= 1
                raise RuntimeError("reader bug")
            return await super()._handle_line(line)

    box = FakeBox([["not read"], RING_AND_MISS])
    port = await box.start()
    outcomes: list[CallOutcome] = []
    statuses: list[LinkStatus] = []
    monitor = Broken(
        "127.0.0.1", port, outcomes.append, on_status=statuses.append, backoff_initial=0.01
    )
    await collect(monitor, outcomes, 2)
    await box.close()
    states = [s.state for s in statuses]
    connected = states.index(LinkState.CONNECTED)
    assert states[connected + 1] is LinkState.LOST  # not left at "connected"
    lost = statuses[connected + 1]
    assert lost.reason == "error" and lost.error == "reader bug"
    assert monitor.connections == 2
    assert [o.kind for o in outcomes] == [OutcomeKind.RING, OutcomeKind.MISSED]
