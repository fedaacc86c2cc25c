"""``python -m readout_desk`` starts the desktop application."""

from readout_desk.ui.app import main

raise SystemExit(main())
