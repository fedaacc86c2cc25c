"""Entry point of the bundled ``readout-desk`` (the same as the installed launcher)."""

import sys

from readout_desk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
