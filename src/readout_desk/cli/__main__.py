"""``python -m readout_desk.cli`` runs the command line, as ``readout-desk-cli`` does."""

import sys

from readout_desk.cli import main

sys.exit(main())
