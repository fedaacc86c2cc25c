"""The reader of readouts written in Japanese, as Japan's foreign ministry publishes them.

:func:`read` takes the prepared text and returns the same :class:`Draft` as the English
reader: the record (``language`` ``ja``; names as printed in Japanese script, with the
Latin form the text gives in parentheses), the span of every field, and the cross-check
of every printed Japan time against the zone rules.
"""

from readout_desk.domain.extract.japanese.reader import read

__all__ = ["read"]
