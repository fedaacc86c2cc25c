"""Desktop integration on freedesktop systems (Linux, the BSDs).

Installs the desktop entry, the AppStream metainfo, the file type of ``*.readout.json``
(``application/x-readout-desk+json``) and the icons into the user's XDG
data folder (``$XDG_DATA_HOME``, normally ``~/.local/share``) so that Readout Desk
appears in the applications menu and a double-click launches the installed
``readout-desk``. Nothing here imports Qt; the command line drives it
(``readout-desk-cli install-desktop-entry``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

APP_ID = "org.readoutdesk.ReadoutDesk"
LAUNCHER_NAME = "readout-desk"
ICON_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
MIME_FILE = f"{APP_ID}.mime.xml"  # shared-mime-info: application/x-readout-desk+json
MIME_TYPE = "application/x-readout-desk+json"
ICON_SVG = f"{APP_ID}.svg"
ICON_PNG = f"{APP_ID}.png"

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopIntegrationError(Exception):
    """Installing or removing the desktop entry is not possible; the message says why."""


def resource_dir() -> Traversable:
    """The packaged ``resources/desktop`` folder."""
    return resources.files("readout_desk.resources") / "desktop"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if set to an absolute path, else ``~/.local/share``."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def find_launcher() -> Path:
    """The ``readout-desk`` program a desktop entry should start.

    A frozen bundle launches itself. Otherwise the launcher beside the running
    interpreter wins (the installation this command belongs to, even in a virtual
    environment that is not on ``PATH``), then the one on ``PATH``.
    """
    names = [LAUNCHER_NAME]
    if sys.platform == "win32":
        names.insert(0, LAUNCHER_NAME + ".exe")
    if getattr(sys, "frozen", False):
        # In the bundle this runs as readout-desk-cli; the window program sits beside it.
        here = Path(sys.executable).resolve().parent
        for name in names:
            if (here / name).is_file():
                return here / name
        return Path(sys.executable).resolve()
    # The interpreter's own folder, without resolving symlinks: a venv's bin/python
    # is a symlink to the base interpreter, whose folder has no launcher.
    bin_dir = Path(sys.executable).parent
    for name in names:
        candidate = bin_dir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate.absolute()
    found = shutil.which(LAUNCHER_NAME)
    if found:
        return Path(found).absolute()
    raise DesktopIntegrationError(
        f"The {LAUNCHER_NAME} program was not found beside {sys.executable} or on PATH; "
        "install Readout Desk (pip install .) or give --launcher."
    )


def exec_argument(value: str) -> str:
    """``value`` quoted as one argument of an Exec key, escaped for a desktop file."""
    if value and not (_RESERVED & set(value)):
        quoted = value
    else:
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in value)
        quoted = f'"{inner}"'
    # The Exec value is itself a desktop-file string: backslashes double and a
    # literal percent sign is written twice.
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def entry_text(launcher: Path) -> str:
    """The desktop entry with ``Exec`` and ``TryExec`` pointing at ``launcher``."""
    template = (resource_dir() / DESKTOP_FILE).read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_argument(str(launcher))} %f"
        elif line.startswith("TryExec="):
            # TryExec is a plain string, not an Exec-style command line.
            line = "TryExec=" + str(launcher).replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _targets(home: Path) -> dict[str, Path]:
    targets = {
        "desktop": home / "applications" / DESKTOP_FILE,
        "metainfo": home / "metainfo" / METAINFO_FILE,
        "mime": home / "mime" / "packages" / f"{APP_ID}.xml",
        "svg": home / "icons" / "hicolor" / "scalable" / "apps" / ICON_SVG,
    }
    for size in ICON_SIZES:
        targets[f"png{size}"] = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / ICON_PNG
    return targets


def installed_files(home: Path | None = None) -> list[Path]:
    """Every file :func:`install` writes, whether it is there or not."""
    return list(_targets(home or data_home()).values())


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)


def _require_freedesktop() -> None:
    if sys.platform in ("win32", "darwin"):
        raise DesktopIntegrationError(
            "Desktop entries are for Linux and other freedesktop systems; on Windows and "
            "macOS use the standalone bundle (see docs/PACKAGING.md)."
        )


def install(launcher: Path | None = None, home: Path | None = None, *,
            refresh: bool = True) -> list[Path]:
    """Install the desktop entry, metainfo and icons; returns the files written.

    Running it again overwrites the files, so it also repairs an entry whose
    launcher has moved.
    """
    _require_freedesktop()
    program = Path(launcher) if launcher is not None else find_launcher()
    if not program.is_absolute():
        raise DesktopIntegrationError(f"The launcher {program} must be an absolute path.")
    if not program.is_file():
        raise DesktopIntegrationError(f"There is no program at {program}.")
    home = home or data_home()
    source = resource_dir()
    icons = source / "icons"
    targets = _targets(home)
    written: list[Path] = []
    try:
        _write(targets["desktop"], entry_text(program).encode("utf-8"))
        written.append(targets["desktop"])
        _write(targets["metainfo"], (source / METAINFO_FILE).read_bytes())
        written.append(targets["metainfo"])
        _write(targets["mime"], (source / MIME_FILE).read_bytes())
        written.append(targets["mime"])
        _write(targets["svg"], (icons / ICON_SVG).read_bytes())
        written.append(targets["svg"])
        for size in ICON_SIZES:
            png = icons / "hicolor" / f"{size}x{size}" / "apps" / ICON_PNG
            _write(targets[f"png{size}"], png.read_bytes())
            written.append(targets[f"png{size}"])
    except OSError as exc:
        raise DesktopIntegrationError(
            f"Could not write {exc.filename or home}: {exc.strerror or exc}."
        ) from None
    if refresh:
        refresh_caches(home)
    return written


def uninstall(home: Path | None = None, *, refresh: bool = True) -> list[Path]:
    """Remove what :func:`install` wrote; returns the files that were removed."""
    _require_freedesktop()
    home = home or data_home()
    removed: list[Path] = []
    for target in _targets(home).values():
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopIntegrationError(
                f"Could not remove {target}: {exc.strerror or exc}."
            ) from None
        removed.append(target)
    if refresh and removed:
        refresh_caches(home)
    return removed


def refresh_caches(home: Path) -> None:
    """Tell the desktop about the change, where the usual tools are installed.

    Menus pick up new entries by themselves on most desktops; the caches make it
    immediate and register the file types. Failures are harmless and ignored.
    """
    commands: list[list[str]] = []
    applications = home / "applications"
    hicolor = home / "icons" / "hicolor"
    if shutil.which("update-desktop-database") and applications.is_dir():
        commands.append(["update-desktop-database", "-q", str(applications)])
    if shutil.which("update-mime-database") and (home / "mime" / "packages").is_dir():
        commands.append(["update-mime-database", str(home / "mime")])
    if shutil.which("gtk-update-icon-cache") and (hicolor / "index.theme").exists():
        commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)])
    for command in commands:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(command, check=False, timeout=20, capture_output=True)
