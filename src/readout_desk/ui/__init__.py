"""The Qt desktop front end. The only package that imports PySide6.

The main window (:mod:`readout_desk.ui.main_window`) is the frame every feature plugs
into: feature modules listed in ``FEATURE_MODULES`` add their menus and actions there.
"""
