"""`python -m advisor_tui` is the same as `advisor`."""

import sys

from advisor_tui.cli import main

if __name__ == "__main__":  # the importer's worker processes may import this module
    sys.exit(main())
