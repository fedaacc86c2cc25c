"""A PostgreSQL server of a test module's own, which its tests may stop and restart
without disturbing the tests that share the common one (``pg_server``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.archive.conftest import _SCRIPT, _server_programs


@dataclass(frozen=True)
class OwnServer:
    """A throwaway cluster: its URL and the folder it lives in."""

    url: str
    folder: Path

    def restart(self) -> None:
        """Stop the server (dropping every connection) and start it again."""
        subprocess.run(["bash", str(_SCRIPT), "restart", str(self.folder)], check=True,
                       capture_output=True)

    def psql(self, sql: str, user: str = "rdtest") -> None:
        """Run SQL on the server as ``user`` (the cluster's owner by default)."""
        import psycopg

        with psycopg.connect(host=str(self.folder), dbname="readout_test", user=user,
                             autocommit=True) as conn:
            conn.execute(sql.encode())


@pytest.fixture(scope="module")
def own_server() -> Iterator[OwnServer]:
    """A server started for one test module and stopped after it."""
    if not _server_programs():
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    folder = Path(tempfile.mkdtemp(prefix="rd-pg-own-"))
    os.chmod(folder, 0o755)
    started = subprocess.run(["bash", str(_SCRIPT), "start", str(folder)], check=True,
                             capture_output=True, text=True)
    try:
        yield OwnServer(started.stdout.strip(), folder)
    finally:
        subprocess.run(["bash", str(_SCRIPT), "stop", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)
