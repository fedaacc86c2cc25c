"""Database users with fewer rights on a team archive: one who may not change tables is
told what to ask the administrator, when opening an archive that needs an update and on
``migrate``; a reader opens it read-only; a contributor adds and changes but never deletes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.engine import make_url

from readout_desk.archive import Archive, ArchiveReadOnlyError
from tests.archive.helpers import lima_readout
from tests.cli.test_cli import run


def as_user(url: str, user: str) -> str:
    """The same archive reached as another database user."""
    return make_url(url).set(username=user).render_as_string(hide_password=False)


def make_role(url: str, name: str, *grants: str) -> None:
    """A login role (made once per server) given ``grants`` afresh."""
    import psycopg

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f"CREATE ROLE {name} LOGIN")
        for grant in grants:
            conn.execute(grant.format(role=name))


@pytest.fixture
def no_ddl_url(pg_url: str) -> str:
    """A user who may read and write rows but not create or alter tables."""
    make_role(pg_url, "rd_no_ddl", "GRANT USAGE ON SCHEMA public TO {role}")
    return as_user(pg_url, "rd_no_ddl")


def test_opening_an_unmigrated_archive_names_what_to_ask(no_ddl_url: str) -> None:
    with pytest.raises(ArchiveReadOnlyError) as caught:
        Archive.open(no_ddl_url)
    message = str(caught.value)
    assert "has no tables yet" in message and "may not change its tables" in message
    assert "Ask the database's administrator to run 'readout-desk-cli --db" in message
    assert "migrate' as the database's owner" in message


def test_migrate_without_the_rights_exits_with_the_same_sentence(no_ddl_url: str) -> None:
    code, out, err = run("--db", no_ddl_url, "migrate")
    assert code == 1 and out == ""
    assert "Ask the database's administrator to run 'readout-desk-cli --db" in err
    assert "Traceback" not in err
    # The owner migrates; the same user then opens it.
    owner = no_ddl_url.replace("rd_no_ddl@", "rdtest@")
    assert run("--db", owner, "migrate")[0] == 0


def _role(pg_url: str, kind: str, name: str) -> str:
    """``name`` made a ``kind`` with the SQL ``readout-desk-cli team-role`` prints."""
    code, out, err = run("team-role", kind, name)
    assert code == 0, err
    make_role(pg_url, name, *(line.replace("{", "{{").replace("}", "}}")
                              for line in out.splitlines()))
    return as_user(pg_url, name)


@pytest.fixture
def migrated(pg_url: str) -> str:
    with Archive.open(pg_url) as owner:
        owner.add(lima_readout())
    return pg_url


def test_a_reader_opens_read_only_and_changes_nothing(migrated: str) -> None:
    with Archive.open(_role(migrated, "reader", "rd_reader")) as archive:
        assert archive.read_only and not archive.can_delete
        assert archive.search("Gervasi").total == 1
        with pytest.raises(ArchiveReadOnlyError):
            archive.add(lima_readout())
    with Archive.open(migrated) as owner:
        assert owner.count() == 1


def test_a_contributor_adds_and_changes_but_cannot_delete(migrated: str) -> None:
    with Archive.open(_role(migrated, "contributor", "rd_contributor")) as archive:
        assert not archive.read_only and not archive.can_delete
        added = archive.add(dataclasses.replace(lima_readout(), title="A second meeting"))
        changed = archive.update(dataclasses.replace(added, notes="Checked by the desk."))
        assert changed.version == 2 and len(archive.history(added.id or 0)) == 1
        for remove in (lambda: archive.delete(added.id or 0),
                       lambda: archive.purge([added.id or 0])):
            with pytest.raises(ArchiveReadOnlyError) as caught:
                remove()
            assert "ask its administrator" in str(caught.value)
        assert archive.count() == 2 and not archive.is_deleted(added.id or 0)


def test_the_owner_may_do_everything(migrated: str) -> None:
    with Archive.open(migrated) as owner:
        assert not owner.read_only and owner.can_delete
