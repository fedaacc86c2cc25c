"""The desktop entry: installed into an XDG folder, valid, and its Exec line starts the app."""

from __future__ import annotations

import configparser
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from readout_desk import cli, desktop
from tests.desktop.conftest import XServer, app_env, launch, quit_app


class _KeyCaseParser(configparser.ConfigParser):
    """Desktop entry keys are case-sensitive: they are kept as written."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def _entry(path: Path) -> configparser.SectionProxy:
    parser = _KeyCaseParser(interpolation=None, strict=True)
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _fake_launcher(tmp_path: Path, name: str = "readout-desk") -> Path:
    program = tmp_path / "bin" / name
    program.parent.mkdir(parents=True, exist_ok=True)
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def _exec_argv(exec_value: str) -> list[str]:
    """Split an Exec value as the Desktop Entry spec says, dropping field codes."""
    text = exec_value.replace("\\\\", "\\")  # the string-level escape comes first
    args: list[str] = []
    current: list[str] | None = None
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            assert current is not None  # the opening quote started an argument
            if ch == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
                current.append(text[i + 1])
                i += 1
            elif ch == '"':
                quoted = False
            else:
                current.append(ch)
        elif ch == " ":
            if current is not None:
                args.append("".join(current))
            current = None
        else:
            current = current if current is not None else []
            if ch == '"':
                quoted = True
            else:
                current.append(ch)
        i += 1
    if current is not None:
        args.append("".join(current))
    return [a.replace("%%", "%") for a in args if a not in ("%f", "%F", "%u", "%U")]


def test_install_writes_entry_metainfo_and_every_icon(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    launcher = _fake_launcher(tmp_path)
    written = desktop.install(launcher, home)
    assert set(written) == set(desktop.installed_files(home))
    entry = _entry(home / "applications" / desktop.DESKTOP_FILE)
    assert entry["Exec"] == f"{launcher} %f"
    assert entry["TryExec"] == str(launcher)
    assert entry["Icon"] == desktop.APP_ID
    # Its own type, not every JSON file: *.readout.json, described for shared-mime-info.
    assert entry["MimeType"].split(";") == [desktop.MIME_TYPE, ""]
    mime = (home / "mime" / "packages" / f"{desktop.APP_ID}.xml").read_text(encoding="utf-8")
    assert f'<mime-type type="{desktop.MIME_TYPE}">' in mime
    assert '<glob pattern="*.readout.json"' in mime
    assert '<sub-class-of type="application/json"/>' in mime
    for size in desktop.ICON_SIZES:
        png = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / desktop.ICON_PNG
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(header[16:20], "big")
        height = int.from_bytes(header[20:24], "big")
        assert (width, height) == (size, size)
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / desktop.ICON_SVG
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert (home / "metainfo" / desktop.METAINFO_FILE).read_text(encoding="utf-8").count(
        f"<id>{desktop.APP_ID}</id>") == 1


@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate is not installed (Debian desktop-file-utils)")
def test_installed_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    desktop.install(_fake_launcher(tmp_path / "with space"), home)
    entry = home / "applications" / desktop.DESKTOP_FILE
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"),
                    reason="appstreamcli is not installed (Debian package appstream)")
def test_installed_metainfo_passes_appstreamcli_validate(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    desktop.install(_fake_launcher(tmp_path), home)
    metainfo = home / "metainfo" / desktop.METAINFO_FILE
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_exec_line_quotes_awkward_launcher_paths(tmp_path: Path) -> None:
    odd = _fake_launcher(tmp_path / 'a dir with "quotes" $HOME and 100%')
    text = desktop.entry_text(odd)
    exec_value = next(line for line in text.splitlines() if line.startswith("Exec="))[5:]
    assert _exec_argv(exec_value) == [str(odd)]
    assert exec_value.endswith(" %f")


def test_uninstall_removes_what_install_wrote(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    written = desktop.install(_fake_launcher(tmp_path), home)
    (home / "applications" / "someone-else.desktop").write_text("[Desktop Entry]\n")
    removed = desktop.uninstall(home)
    assert set(removed) == set(written)
    assert not any(p.exists() for p in written)
    assert (home / "applications" / "someone-else.desktop").exists()
    assert desktop.uninstall(home) == []


def test_find_launcher_prefers_the_one_beside_the_interpreter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    beside = _fake_launcher(tmp_path / "venv")
    on_path = _fake_launcher(tmp_path / "elsewhere")
    monkeypatch.setattr("sys.executable", str(beside.parent / "python"))
    monkeypatch.setenv("PATH", str(on_path.parent))
    assert desktop.find_launcher() == beside
    beside.unlink()
    assert desktop.find_launcher() == on_path
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(desktop.DesktopIntegrationError, match="not found"):
        desktop.find_launcher()


def test_a_bundle_points_the_entry_at_its_own_window_program(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gui = _fake_launcher(tmp_path / "ReadoutDesk", "readout-desk")
    cli_program = _fake_launcher(tmp_path / "ReadoutDesk", "readout-desk-cli")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(cli_program))
    assert desktop.find_launcher() == gui.resolve()


def test_data_home_follows_xdg_data_home(tmp_path: Path) -> None:
    assert desktop.data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    # A relative value is invalid per the XDG spec and falls back to the default.
    assert desktop.data_home({"XDG_DATA_HOME": "relative"}) == (
        Path.home() / ".local" / "share")


def test_cli_commands_install_and_uninstall(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    launcher = _fake_launcher(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["install-desktop-entry", "--launcher", str(launcher)], out, err)
    assert code == 0, err.getvalue()
    assert f"It starts: {launcher} %f" in out.getvalue()
    assert (home / "applications" / desktop.DESKTOP_FILE).exists()

    out = io.StringIO()
    assert cli.main(["uninstall-desktop-entry"], out, err) == 0
    assert "Removed" in out.getvalue()
    assert not (home / "applications" / desktop.DESKTOP_FILE).exists()

    out = io.StringIO()
    assert cli.main(["uninstall-desktop-entry"], out, err) == 0
    assert "nothing to remove" in out.getvalue()


def test_cli_refuses_a_missing_launcher_in_one_sentence(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["install-desktop-entry", "--launcher", str(tmp_path / "nope"),
                     "--data-home", str(tmp_path / "xdg")], out, err)
    assert code == 1
    assert err.getvalue().startswith("readout-desk-cli: There is no program at ")
    assert "Traceback" not in err.getvalue()


def test_exec_line_of_the_installed_entry_starts_the_app(
        tmp_path: Path, xserver: XServer) -> None:
    """Install for the real launcher, run its Exec line as a desktop would, see the window."""
    home = tmp_path / "xdg"
    desktop.install(None, home, refresh=False)
    entry = _entry(home / "applications" / desktop.DESKTOP_FILE)
    argv = _exec_argv(entry["Exec"])
    assert Path(argv[0]).is_file()
    archive = tmp_path / "entry-archive.sqlite3"
    env = app_env(xserver.display, tmp_path / "home", {"READOUT_DESK_DB": str(archive)})
    proc = launch(argv, env)
    try:
        titles = xserver.wait_for_window(proc=proc)
        assert any(str(archive) in t for t in titles), titles
    finally:
        code = quit_app(proc)
    assert code == 0, proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    assert archive.exists()
