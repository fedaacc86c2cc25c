"""The readout domain: records, timing, places, the query syntax and the JSON format.

Nothing here imports SQLAlchemy or Qt.
"""
