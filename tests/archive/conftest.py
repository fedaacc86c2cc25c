"""The archive tests on both backends.

A test module that sets ``BOTH_BACKENDS = True`` runs each test that uses the ``archive``
fixture (and not a file of its own through ``archive_path``) once on SQLite and once on
PostgreSQL. The server is the one ``READOUT_DESK_TEST_PG`` names (a URL; `.ci/run` starts
one), else a throwaway one started here when PostgreSQL's server programs are installed;
without them the PostgreSQL runs skip, saying so. Each test gets an empty database.
"""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from readout_desk.archive import Archive

PG_ENV = "READOUT_DESK_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
_SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "postgres.sh"


def _server_programs() -> bool:
    return shutil.which("pg_ctl") is not None or any(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server the tests may empty at will."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    if not _server_programs():
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed; "
                    f"install Debian's postgresql package or set {PG_ENV}")
    folder = tempfile.mkdtemp(prefix="rd-pg-")
    os.chmod(folder, 0o755)
    started = subprocess.run(["bash", str(_SCRIPT), "start", folder], check=True,
                             capture_output=True, text=True)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(_SCRIPT), "stop", folder], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def empty_database(url: str) -> None:
    """Drop everything in the server's database (its public schema)."""
    import psycopg

    from readout_desk.archive.postgres import driver_url

    plain = driver_url(url).replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """An empty PostgreSQL database."""
    empty_database(pg_server)
    return pg_server


@pytest.fixture
def backend_name(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def archive(backend_name: str, archive_path: Path,
            request: pytest.FixtureRequest) -> Iterator[Archive]:
    """A fresh, empty archive: in a temporary file, or in an emptied server database."""
    if backend_name == "postgresql":
        location: str | Path = request.getfixturevalue("pg_url")
    else:
        location = archive_path
    opened = Archive.open(location)
    yield opened
    opened.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    own = set(inspect.signature(metafunc.function).parameters)
    if (getattr(metafunc.module, "BOTH_BACKENDS", False)
            and "archive" in metafunc.fixturenames
            and not own & {"archive_path", "backend_name"}):
        metafunc.parametrize("backend_name", BACKENDS, indirect=True)
