"""``python -m tui`` is ``cca-tui``."""

import sys

from tui.cli import main

sys.exit(main())
