"""The command line on a team archive: migrate, load and search a PostgreSQL database."""

from __future__ import annotations

import json

from tests.cli.test_cli import run


def test_migrate_then_search_a_team_archive(pg_url: str) -> None:
    code, out, err = run("--db", pg_url, "migrate")
    assert code == 0, err
    assert "has the newest schema (0 readouts)" in out
    code, out, err = run("--db", pg_url, "demo")
    assert code == 0, err
    code, out, err = run("--db", pg_url, "search", "Gervasi CPTPP", "--json")
    assert code == 0, err
    hits = json.loads(out)["hits"]
    assert hits and "Peru" in hits[0]["title"]
    code, out, _err = run("--db", pg_url, "migrate")
    assert code == 0 and "newest schema" in out
