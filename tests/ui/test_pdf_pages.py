"""A PDF export starts each readout on a page of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk import printing
from readout_desk.archive import Archive, html_document


def _pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def test_each_readout_starts_a_page(qtbot: QtBot, demo_archive: Archive, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    readouts = [demo_archive.get(i) for i in demo_archive.all_ids()[:3]]
    html = html_document(readouts, "Asia/Tokyo")
    assert printing.readout_per_page(html).count("page-break-before: always") == 2
    one = html_document(readouts[:1], "Asia/Tokyo")
    assert printing.readout_per_page(one) == one
    printing.write_pdf(html, tmp_path / "paged.pdf")
    monkeypatch.setattr(printing, "readout_per_page", lambda text: text)
    printing.write_pdf(html, tmp_path / "run-on.pdf")
    # Run on, three short readouts share pages; paged, the second and third start afresh.
    assert _pages(tmp_path / "paged.pdf") > _pages(tmp_path / "run-on.pdf")
