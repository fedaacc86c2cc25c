"""An archive in a folder nobody may write opens read-only, as a read-only file does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readout_desk.archive import Archive
from tests.archive.helpers import lima_readout

# Root may write anywhere; as "nobody" in a user namespace of its own, permissions apply.
AS_NOBODY = ["unshare", "-U"] if os.geteuid() == 0 else []

SEARCH = """
import sys
from readout_desk.archive import Archive
with Archive.open(sys.argv[1]) as archive:
    print(archive.read_only, archive.search("peru").total)
"""


@pytest.mark.skipif(os.name != "posix" or (bool(AS_NOBODY) and not shutil.which("unshare")),
                    reason="needs a folder that can be made unwritable")
def test_an_archive_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.add(lima_readout())
    folder.chmod(0o555)
    tmp_path.chmod(0o755)
    try:
        proc = subprocess.run([*AS_NOBODY, sys.executable, "-c", SEARCH, str(path)],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        if AS_NOBODY and "Operation not permitted" in proc.stderr:
            pytest.skip("user namespaces are not allowed here")
    finally:
        folder.chmod(0o755)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "1"]
    # The tally beside it was written by the save above; the read-only opening adds nothing.
    assert sorted(p.name for p in folder.iterdir()) == ["archive.sqlite3",
                                                         "archive.sqlite3.tally"]
