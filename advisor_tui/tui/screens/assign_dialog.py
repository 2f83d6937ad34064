"""Who handles it: hand a follow-up or a request to a colleague (agenda, inbox, request).

One dialog for all three screens: me first, then the colleagues the database
knows, "not assigned", and "someone else …" to type a name the office has
not used yet. The choice is saved through services.assignment in a worker of
the screen that asked; a stale write (a colleague changed the item since the
screen loaded it) fails that worker and the app shows the service's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from advisor_tui.domain.models.users import NAME_LENGTH
from advisor_tui.i18n import t
from advisor_tui.tui.messages import broadcast

NOBODY = "nobody"
OTHER = "other"


@dataclass(frozen=True)
class AssignTarget:
    """The item to hand over, as the screen showed it (its version guards the write)."""

    kind: Literal["followup", "request"]
    item_id: int
    version: int | None
    what: str  # how the dialog and the toast name it ("Rückruf: Anna Müller")
    assigned_to: str | None
    person_id: int | None = None

    @classmethod
    def request(
        cls,
        request_id: int,
        version: int | None,
        who: str,
        assigned_to: str | None,
        person_id: int | None,
    ) -> AssignTarget:
        """A request, named by its number and who it is from."""
        what = t("assign.request_what", id=request_id, who=who)
        return cls("request", request_id, version, what, assigned_to, person_id)


@dataclass(frozen=True)
class Assignee:
    """The dialog's answer: a name, or None for "not assigned"."""

    name: str | None


def assignee_text(name: str | None) -> str:
    """ "→ Bernd" before a narrow row's text (the first name only: room is short)."""
    return t("assign.marker", name=name.split()[0]) if name and name.strip() else ""


class AssignScreen(ModalScreen[Assignee | None]):
    """Dismisses with the chosen Assignee on Enter, None on Esc."""

    DEFAULT_CSS = """
    AssignScreen { align: center middle; }
    AssignScreen #assign-name, AssignScreen #assign-name-label, AssignScreen #assign-error {
        display: none;
    }
    AssignScreen #assign-error { color: $error; }
    AssignScreen #assign-choices { max-height: 12; }
    """
    BINDINGS = [Binding("escape", "cancel", "key.back", id="assign.cancel")]

    def __init__(self, target: AssignTarget, names: list[str], me: str) -> None:
        super().__init__()
        self._target = target
        # Me first, then the others; the current assignee is listed even if unknown here.
        self._names = [me, *(n for n in names if n != me)]
        if target.assigned_to and target.assigned_to not in self._names:
            self._names.append(target.assigned_to)
        self._me = me

    def compose(self) -> ComposeResult:
        options = [
            Option(t("assign.me", name=name) if name == self._me else name, id=f"n{i}")
            for i, name in enumerate(self._names)
        ]
        options.append(Option(t("assign.nobody"), id=NOBODY))
        options.append(Option(t("assign.other"), id=OTHER))
        current = self._target.assigned_to
        now = t("assign.now", name=current) if current else t("assign.now_nobody")
        with Vertical(classes="dialog"):
            question = t("assign.question", what=self._target.what)
            yield Static(f"{question}\n{now}", classes="dialog-text", markup=False)
            yield OptionList(*options, id="assign-choices")
            yield Static(t("assign.other_question"), id="assign-name-label")
            yield Input(id="assign-name", max_length=NAME_LENGTH + 1)
            yield Static(id="assign-error")

    def on_mount(self) -> None:
        choices = self.query_one("#assign-choices", OptionList)
        current = self._target.assigned_to
        choices.highlighted = self._names.index(current) if current else len(self._names)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id or ""
        if chosen == NOBODY:
            self.dismiss(Assignee(None))
        elif chosen == OTHER:
            self.query_one("#assign-name-label").display = True
            box = self.query_one("#assign-name", Input)
            box.display = True
            box.focus()
        else:
            self.dismiss(Assignee(self._names[int(chosen[1:])]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            return
        if len(name) > NAME_LENGTH:
            error = self.query_one("#assign-error", Static)
            error.update(t("assign.err.too_long", max=NAME_LENGTH))
            error.display = True
            return
        self.dismiss(Assignee(name))

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_and_assign(screen: Screen[Any], target: AssignTarget, names: list[str], me: str) -> None:
    """Open the dialog for `target`; a new choice is saved in a worker of `screen`.

    `screen` mixes in ReportsWorkerErrors, so a refused write becomes a toast.
    """

    def chosen(choice: Assignee | None) -> None:
        if choice is None or choice.name == target.assigned_to:
            return
        screen.run_worker(
            partial(_save, screen.app, target, choice.name),
            thread=True,
            group="assign-write",
            exit_on_error=False,
        )

    screen.app.push_screen(AssignScreen(target, names, me), chosen)


def _save(app: Any, target: AssignTarget, to: str | None) -> None:
    """In a worker thread: store the assignment, say so, let every screen reload."""
    from advisor_tui.services.assignment import assign_followup, assign_request
    from advisor_tui.storage.db import new_session
    from advisor_tui.storage.retry import retry_busy

    assign = assign_followup if target.kind == "followup" else assign_request

    def transaction() -> None:
        with new_session(app.engine) as session:
            assign(session, target.item_id, to, expected_version=target.version)
            session.commit()

    retry_busy(transaction)
    if to:
        said = t("assign.saved", name=to, what=target.what)
    else:
        said = t("assign.saved_nobody", what=target.what)
    app.call_from_thread(app.notify, said)
    persons = frozenset({target.person_id}) if target.person_id is not None else None
    app.call_from_thread(broadcast, app, persons)
