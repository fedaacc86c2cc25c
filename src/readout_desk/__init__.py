"""Readout Desk: a desktop archive for diplomatic meeting readouts."""

__version__ = "0.1.0"
