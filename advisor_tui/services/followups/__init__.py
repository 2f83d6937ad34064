"""Follow-ups (Wiedervorlagen): the agenda, done and snooze, callback due times."""
