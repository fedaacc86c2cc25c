"""bench/extraction_accuracy.py scores both sets, per field and per government style."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(BENCH))

import extraction_accuracy  # noqa: E402


def _copy(names: list[str], into: Path) -> Path:
    into.mkdir()
    for name in names:
        for suffix in (".txt", ".json"):
            shutil.copy(CORPUS / f"{name}{suffix}", into / f"{name}{suffix}")
    return into


def test_both_sets_are_reported_per_field_and_style(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    developed = _copy(["mofa-05-video-24-hour-lasted", "kr-01-telephone-kst"],
                      tmp_path / "developed")
    written = _copy(["us-01-call-no-time"], tmp_path / "written")
    # A wrong fact in the written-first set shows in its figure, and its misses stay unlisted.
    sidecar = written / "us-01-call-no-time.json"
    facts = json.loads(sidecar.read_text("utf-8"))
    facts["meeting_date"] = "2020-01-01"
    sidecar.write_text(json.dumps(facts), "utf-8")
    assert extraction_accuracy.main(["--corpus", str(developed), "--examples",
                                     str(tmp_path / "none"), "--written-first", str(written),
                                     "--misses"]) == 0
    out = capsys.readouterr().out
    first, second = out.split("== written first")
    assert "developed against (corpus + examples): 2 readouts" in first
    assert "fields right: 100.0% in all; Japan 100.0%, other governments 100.0%" in first
    assert "Japan (MOFA)" in first and "Korea (MOFA)" in first
    assert "(kept aside): 1 readouts" in second
    assert "United States (State Department)" in second
    assert "Japan    n/a" in second
    date_row = next(line for line in second.splitlines() if line.startswith("meeting_date"))
    assert date_row.split()[1] == "0.0%"
    assert "Misses" not in second and "2020-01-01" not in out


def test_the_written_first_set_can_be_left_out(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    developed = _copy(["kr-01-telephone-kst"], tmp_path / "developed")
    extraction_accuracy.main(["--corpus", str(developed), "--examples", str(tmp_path / "none"),
                              "--skip-written-first"])
    assert "written first" not in capsys.readouterr().out


@pytest.mark.parametrize(("name", "style"), [
    ("mofa-01-x.txt", "Japan (MOFA)"), ("us-02-y.txt", "United States (State Department)"),
    ("eeas-01-z.txt", "European Union (EEAS)"), ("variant-us-style-no-times.txt",
                                                 "United States (State Department)"),
    ("zz-01.txt", "other (zz)"), ("sg-01-a.txt", "Singapore (MFA)"),
    ("vn-01-b.txt", "Viet Nam (MOFA)"), ("ph-01-c.txt", "Philippines (DFA)"),
])
def test_the_style_comes_from_the_file_name(name: str, style: str) -> None:
    assert extraction_accuracy.style_of(name) == style


def test_a_japanese_text_is_japan_s_whatever_its_name(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert extraction_accuracy.style_of("dev-01-x.txt", "ja") == "Japan (MOFA, in Japanese)"
    japanese = tmp_path / "ja"
    japanese.mkdir()
    for suffix in (".txt", ".json"):
        name = f"dev-07-tokyo-24-hour{suffix}"
        shutil.copy(CORPUS.parent / "corpus_ja" / name, japanese / name)
    extraction_accuracy.main(["--corpus", str(japanese), "--corpus", str(tmp_path / "empty"),
                              "--examples", str(tmp_path / "none"), "--skip-written-first"])
    out = capsys.readouterr().out
    assert "1 readouts" in out and "other governments    n/a" in out
    assert "Japan (MOFA, in Japanese)" in out
