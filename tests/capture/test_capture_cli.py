"""``readout-desk-cli capture URL [--json]``, and the user's kinds list (``kinds.json`` in
the configuration folder) read wherever text is read: capture, ``parse``, text imports."""

from __future__ import annotations

import io
import json
from pathlib import Path

from readout_desk import cli, paths
from readout_desk.archive.transfer.importing import read_text_draft
from tests.capture.conftest import STROLL


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--home-zone", "Asia/Tokyo", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_capture_prints_the_draft_or_says_why_not(server: str) -> None:
    code, out, err = run("capture", f"{server}/readout")
    assert code == 0, err
    assert out.startswith(f"== {server}/readout (draft; nothing saved)")
    assert "Japan-Chile Foreign Ministers' Meeting" in out and "Press room" not in out
    code, out, err = run("capture", f"{server}/gone")
    assert (code, out) == (1, "")
    assert err.strip() == f"readout-desk-cli: The server answered 404 Not Found for " \
                          f"{server}/gone."
    code, _, err = run("capture", "--timeout", "0.5", f"{server}/slow")
    assert code == 1 and "did not answer within 0.5 seconds" in err


def test_capture_json_keeps_the_page_as_the_source(server: str) -> None:
    code, out, err = run("capture", "--json", f"{server}/hop0")
    assert code == 0, err
    doc = json.loads(out)
    readout = doc["readouts"][0]
    assert readout["source_url"] == f"{server}/readout"
    assert readout["source"]["kind"] == "page" and readout["source"]["retrieved_at"]
    assert "<div class='global-nav'>" in readout["source"]["original"]
    assert doc["cross_check"][0]["file"] == f"{server}/readout"


def test_the_users_kinds_are_read_by_capture_parse_and_text_imports(
        server: str, tmp_path: Path) -> None:
    text = tmp_path / "stroll.txt"
    text.write_text(STROLL, "utf-8")
    code, out, _ = run("parse", "--json", str(text))
    assert code == 0 and json.loads(out)["readouts"][0]["sessions"][0]["kind"] == "meeting"
    code, out, _ = run("capture", "--json", f"{server}/stroll")
    assert json.loads(out)["readouts"][0]["sessions"][0]["kind"] == "meeting"
    paths.kind_file().write_text('[{"name": "garden stroll"}]', "utf-8")
    code, out, _ = run("parse", "--json", str(text))
    parsed = json.loads(out)["readouts"][0]
    assert parsed["sessions"][0]["kind"] == "garden stroll"
    assert parsed["source"]["kind"] == "file" and parsed["source"]["name"] == "stroll.txt"
    assert read_text_draft(text).readout.sessions[0].kind == "garden stroll"
    code, out, _ = run("capture", "--json", f"{server}/stroll")
    assert json.loads(out)["readouts"][0]["sessions"][0]["kind"] == "garden stroll"
    code, out, err = run("parse", "--kinds", str(tmp_path / "none.json"), str(text))
    assert code == 2 and "There is no kind file" in err
