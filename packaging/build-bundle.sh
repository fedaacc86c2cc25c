#!/usr/bin/env bash
# Build the one-folder Readout Desk bundle with PyInstaller and check it as a release needs:
# the build stops on any missing module, hidden import or data file (readout-desk.spec);
# then no library may carry a search path of the build machine, every bundled component
# must have its licence entry, and the bundle must pass a smoke test in an empty
# environment: its command line loads the demo, searches, shows a readout and exports a PDF,
# and its window opens offscreen and under Xvfb and shows the first page of the archive.
# Only then is the release archive written. There is no way to skip the smoke test.
#
#   packaging/build-bundle.sh [BUILD_DIR]
#
# BUILD_DIR defaults to a new temporary folder; the bundle ends up in BUILD_DIR/dist/ReadoutDesk
# and the release archive in BUILD_DIR/ReadoutDesk-<version>-linux-<machine>.tar.gz.
# PYTHON (default: the python3 on PATH) must have Readout Desk's dependencies; the program
# itself is compiled from this checkout. PyInstaller and pip-licenses (the "bundle" extra)
# are installed into it from PyPI when missing. MAX_GLIBC=X.Y fails the build when the bundle
# needs a newer C library than that.
# Needs: binutils (readelf), patchelf, Xvfb and xwininfo (Debian: xvfb, x11-utils) and, for
# the screenshot, ImageMagick's import.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
BUILD="${1:-$(mktemp -d -t readout-desk-bundle.XXXXXX)}"
PYTHON="${PYTHON:-python3}"
mkdir -p "$BUILD"
BUILD="$(cd "$BUILD" && pwd)"

say() { printf '== %s\n' "$*"; }
die() { printf '\nBUILD FAILED: %s\n' "$*" >&2; exit 1; }

for tool in readelf patchelf Xvfb xwininfo; do
    command -v "$tool" >/dev/null || die "$tool is not installed (Debian/Ubuntu: apt-get install binutils patchelf xvfb x11-utils)"
done
"$PYTHON" -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null \
    || die "PYTHON=$PYTHON is not a Python 3.10 or newer"

# The dependencies named in pyproject.toml must be installed in the build Python.
missing=$("$PYTHON" - "$ROOT/pyproject.toml" <<'EOF'
import importlib.metadata, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"^dependencies = \[(.*?)^\]", text, re.M | re.S).group(1)
names = re.findall(r'^\s*"([A-Za-z0-9_.\-]+)', block, re.M)
for name in names:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        print(name)
EOF
)
[ -z "$missing" ] || die "the build Python ($PYTHON) lacks Readout Desk's dependencies: $(echo $missing | tr '\n' ' ')
  install them with: $PYTHON -m pip install '$ROOT[bundle]'"

if ! "$PYTHON" -c 'import PyInstaller, piplicenses' >/dev/null 2>&1; then
    say "installing PyInstaller and pip-licenses"
    "$PYTHON" -m pip install --quiet "pyinstaller>=6.5" "pip-licenses>=5"
fi

say "building in $BUILD"
START=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" "$HERE/readout-desk.spec" \
    2>&1 | tee "$BUILD/pyinstaller.log" || die "PyInstaller stopped (its log: $BUILD/pyinstaller.log)"
APP="$BUILD/dist/ReadoutDesk"
for program in readout-desk readout-desk-cli LICENSE THIRD-PARTY-NOTICES.txt; do
    [ -e "$APP/$program" ] || die "the bundle has no $program"
done
say "built in $(( $(date +%s) - START )) s: $APP, $(du -sm "$APP" | cut -f1) MB, $(find "$APP" -type f | wc -l) files"

# ---- the bundle as a packager checks it --------------------------------------------------
say "libraries: search paths and the C library they need"
"$PYTHON" "$HERE/bundle_elf.py" "$APP" ${MAX_GLIBC:+--max-glibc "$MAX_GLIBC"} \
    || die "a library of the bundle would not load as it should on another machine"
say "licences"
"$PYTHON" "$HERE/notices.py" check "$APP" || die "something in the bundle has no licence entry"
grep -q "GNU LESSER GENERAL PUBLIC LICENSE" "$APP/THIRD-PARTY-NOTICES.txt" \
    || die "the LGPL text is not in THIRD-PARTY-NOTICES.txt"

# ---- smoke test: the command line, then the window, in an empty environment --------------
SMOKE="$BUILD/smoke"
rm -rf "$SMOKE"
mkdir -p "$SMOKE/home"
ARCHIVE="$SMOKE/archive.sqlite3"
# An empty environment: nothing from the build's Python, virtual environment or locale.
clean=(env -i HOME="$SMOKE/home" READOUT_DESK_HOME="$SMOKE/home" PATH=/usr/bin:/bin)

say "command line: demo archive (runs the schema migrations and the country data)"
"${clean[@]}" "$APP/readout-desk-cli" --db "$ARCHIVE" demo || die "the bundled command line could not load the demo"
say "command line: search and show"
"${clean[@]}" "$APP/readout-desk-cli" --db "$ARCHIVE" search --limit 3 Lima | tee "$SMOKE/search.txt"
id=$(awk '/Lima, Peru/ { print $1; exit }' "$SMOKE/search.txt")
[ -n "$id" ] || die "the bundled search found no readout in Lima"
"${clean[@]}" "$APP/readout-desk-cli" --db "$ARCHIVE" show "$id" >"$SMOKE/show.txt" \
    || die "the bundled command line could not show readout $id"
grep -q "Lima" "$SMOKE/show.txt" || die "readout $id as shown does not mention Lima"
say "command line: PDF export (the one command that loads Qt, offscreen)"
"${clean[@]}" "$APP/readout-desk-cli" --db "$ARCHIVE" export --format pdf --query Lima --out "$SMOKE/lima.pdf" \
    || die "the bundled PDF export failed"
[ "$(head -c 5 "$SMOKE/lima.pdf")" = "%PDF-" ] || die "the bundled PDF export wrote no PDF"
say "command line: desktop entry into a scratch XDG folder"
"${clean[@]}" "$APP/readout-desk-cli" install-desktop-entry --data-home "$SMOKE/xdg" | tail -n 1

say "window, offscreen: waits for the first page of the archive"
"${clean[@]}" QT_QPA_PLATFORM=offscreen READOUT_DESK_SMOKE_REPORT="$SMOKE/first-page.txt" \
    timeout 120 "$APP/readout-desk" --db "$ARCHIVE" >"$SMOKE/offscreen.log" 2>&1 \
    || { cat "$SMOKE/offscreen.log" >&2; die "the bundled window did not start and close offscreen"; }
[ -s "$SMOKE/first-page.txt" ] || { cat "$SMOKE/offscreen.log" >&2; die "the bundled window showed no page"; }
cat "$SMOKE/first-page.txt"
grep -Eq "^first page: [1-9][0-9]* of [1-9]" "$SMOKE/first-page.txt" \
    || die "the first page of the demo archive is empty"
if grep -Eq "Traceback|could not be loaded|ModuleNotFoundError" "$SMOKE/offscreen.log"; then
    cat "$SMOKE/offscreen.log" >&2
    die "the bundled window reported a problem"
fi

say "window, on an X display (Xvfb, the xcb platform plugin with the system's X libraries)"
XVFB_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
# -displayfd picks a free display number and writes it once the server is ready.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp \
    3>"$SMOKE/xvfb.display" 2>"$SMOKE/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 1 100); do
    [ -s "$SMOKE/xvfb.display" ] && break
    sleep 0.1
done
[ -s "$SMOKE/xvfb.display" ] || die "Xvfb did not start ($(cat "$SMOKE/xvfb.log"))"
DISPLAY=":$(head -n 1 "$SMOKE/xvfb.display")"
START=$(date +%s%N)
"${clean[@]}" DISPLAY="$DISPLAY" "$APP/readout-desk" --db "$ARCHIVE" >"$SMOKE/app.log" 2>&1 &
APP_PID=$!
shown=""
for _ in $(seq 1 300); do
    # The main window's title is "Readout Desk — <archive>" (a hidden Qt window is "Readout Desk").
    if DISPLAY="$DISPLAY" xwininfo -root -tree 2>/dev/null | grep -q '"Readout Desk — '; then
        shown=$(( ($(date +%s%N) - START) / 1000000 ))
        break
    fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
done
[ -n "$shown" ] || { cat "$SMOKE/app.log" >&2; die "the bundled app showed no window on X"; }
say "window shown after ${shown} ms"
sleep 2  # let the first search fill the table
if command -v import >/dev/null; then
    DISPLAY="$DISPLAY" import -window root "$BUILD/screenshot.png" && say "screenshot: $BUILD/screenshot.png"
fi
say "quitting (SIGTERM asks the app to close its window and exit)"
kill -TERM "$APP_PID"
for _ in $(seq 1 100); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$APP_PID" 2>/dev/null && die "the bundled app did not quit within 10 s"
status=0
wait "$APP_PID" || status=$?
APP_PID=""
[ "$status" -eq 0 ] || { cat "$SMOKE/app.log" >&2; die "the bundled app exited with status $status"; }
if grep -Eq "Traceback|could not be loaded" "$SMOKE/app.log"; then
    cat "$SMOKE/app.log" >&2
    die "the bundled app reported a problem"
fi

# ---- the release archive -----------------------------------------------------------------
VERSION=$("$PYTHON" -c "import re,sys; print(re.search(r'__version__ = \"([^\"]+)\"', open(sys.argv[1]).read()).group(1))" \
    "$ROOT/src/readout_desk/__init__.py")
RELEASE="$BUILD/ReadoutDesk-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$BUILD/dist" -czf "$RELEASE" ReadoutDesk
say "release archive: $RELEASE ($(du -sm "$RELEASE" | cut -f1) MB)"
say "OK: the bundle builds, starts, shows its window and quits cleanly"
