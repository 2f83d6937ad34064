"""Contacts logged by hand: calls, messages, meetings, letters (issue 9 parts 1 and 2)."""
