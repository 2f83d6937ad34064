"""Readers of messages saved by the tools advisors already have: e-mail, SMS backups, WhatsApp.

One module per format, each pure (files in, `items.Found` and `items.Skipped` out,
no database); `sources` finds the files and tells their format. The inbox
service (`services.inbox.importing`) stores what they read.
"""
