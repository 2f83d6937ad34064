"""`python -m advisor_tui` is the same as `advisor`."""

import sys

from advisor_tui.cli import main

sys.exit(main())
