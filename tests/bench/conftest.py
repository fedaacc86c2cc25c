"""The team archive's benchmark tests use the archive tests' PostgreSQL server."""

from __future__ import annotations

from tests.archive.conftest import pg_server, pg_url

__all__ = ["pg_server", "pg_url"]
