"""Worker failures become a sentence on screen, never the end of the app.

Every `@work` in the TUI runs with `exit_on_error=False`; Textual then posts
`Worker.StateChanged` to the node that started the worker (it does not
bubble), so every class that starts workers mixes this in.
"""

from __future__ import annotations

from textual.worker import Worker, WorkerState


class ReportsWorkerErrors:
    """Mixin for screens and widgets: a failed worker is reported by the app."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            report = getattr(self.app, "report_error", None)  # type: ignore[attr-defined]
            if report is not None:
                report(event.worker.error)
