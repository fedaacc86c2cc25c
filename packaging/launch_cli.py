"""Entry point of the bundled ``readout-desk-cli`` (the same as the installed command)."""

import sys

from readout_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
