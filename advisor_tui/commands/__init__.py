"""One module per CLI subcommand; see `advisor_tui.cli`."""
