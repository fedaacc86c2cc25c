#!/usr/bin/env bash
# Build the one-folder Readout Desk bundle with PyInstaller, then start it under Xvfb,
# check that its window appears, take a screenshot and quit it.
#
#   packaging/build-bundle.sh [BUILD_DIR]
#
# BUILD_DIR defaults to a new temporary folder; the bundle ends up in BUILD_DIR/dist/ReadoutDesk.
# PYTHON (default: the python3 on PATH) must have Readout Desk's dependencies; PyInstaller is
# installed from PyPI into it when missing. Set SKIP_SMOKE=1 to build only.
# Needs for the smoke test: Xvfb, xwininfo (x11-utils) and, for the screenshot, ImageMagick.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
BUILD="${1:-$(mktemp -d -t readout-desk-bundle.XXXXXX)}"
PYTHON="${PYTHON:-python3}"
mkdir -p "$BUILD"
BUILD="$(cd "$BUILD" && pwd)"

say() { printf '== %s\n' "$*"; }

if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    say "installing PyInstaller"
    "$PYTHON" -m pip install --quiet "pyinstaller>=6.5"
fi

say "building in $BUILD"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" "$HERE/readout-desk.spec"

APP="$BUILD/dist/ReadoutDesk"
for program in readout-desk readout-desk-cli; do
    [ -x "$APP/$program" ] || { echo "missing $APP/$program" >&2; exit 1; }
done
say "bundle: $APP ($(du -sh "$APP" | cut -f1))"

if [ "${SKIP_SMOKE:-0}" = "1" ]; then
    exit 0
fi

# ---- smoke test: the command line, then the window under Xvfb --------------------------
SMOKE="$BUILD/smoke"
rm -rf "$SMOKE"
mkdir -p "$SMOKE/home"
export READOUT_DESK_HOME="$SMOKE/home"
ARCHIVE="$SMOKE/archive.sqlite3"

say "command line: demo archive (runs the schema migrations and the country data)"
"$APP/readout-desk-cli" --db "$ARCHIVE" demo
"$APP/readout-desk-cli" --db "$ARCHIVE" search --limit 3 Lima
say "command line: PDF export (the one command that loads Qt, offscreen)"
"$APP/readout-desk-cli" --db "$ARCHIVE" export --format pdf --query Lima --out "$SMOKE/lima.pdf"
[ "$(head -c 5 "$SMOKE/lima.pdf")" = "%PDF-" ] || { echo "the bundled PDF export failed" >&2; exit 1; }
say "command line: desktop entry into a scratch XDG folder"
"$APP/readout-desk-cli" install-desktop-entry --data-home "$SMOKE/xdg" | tail -n 1

XVFB_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT

if [ -z "${DISPLAY_FOR_SMOKE:-}" ]; then
    # -displayfd picks a free display number and writes it once the server is ready.
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp \
        3>"$SMOKE/xvfb.display" 2>"$SMOKE/xvfb.log" &
    XVFB_PID=$!
    for _ in $(seq 1 100); do
        [ -s "$SMOKE/xvfb.display" ] && break
        sleep 0.1
    done
    [ -s "$SMOKE/xvfb.display" ] || { echo "Xvfb did not start" >&2; exit 1; }
    export DISPLAY=":$(head -n 1 "$SMOKE/xvfb.display")"
else
    export DISPLAY="$DISPLAY_FOR_SMOKE"
fi
say "starting the bundled app on $DISPLAY"
unset QT_QPA_PLATFORM
START=$(date +%s%N)
"$APP/readout-desk" --db "$ARCHIVE" >"$SMOKE/app.log" 2>&1 &
APP_PID=$!

shown=""
for _ in $(seq 1 300); do
    # The main window's title is "Readout Desk — <archive>" (a hidden Qt window is "Readout Desk").
    if xwininfo -root -tree 2>/dev/null | grep -q '"Readout Desk — '; then
        shown=$(( ($(date +%s%N) - START) / 1000000 ))
        break
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$shown" ]; then
    echo "the bundled app showed no window; its output:" >&2
    cat "$SMOKE/app.log" >&2
    exit 1
fi
say "window shown after ${shown} ms"
sleep 2  # let the first search fill the table
if command -v import >/dev/null; then
    import -window root "$BUILD/screenshot.png" && say "screenshot: $BUILD/screenshot.png"
fi

say "quitting (SIGTERM asks the app to close its window and exit)"
kill -TERM "$APP_PID"
status=0
for _ in $(seq 1 100); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$APP_PID" 2>/dev/null; then
    echo "the bundled app did not quit within 10 s" >&2
    exit 1
fi
wait "$APP_PID" || status=$?
APP_PID=""
if [ "$status" -ne 0 ]; then
    echo "the bundled app exited with status $status; its output:" >&2
    cat "$SMOKE/app.log" >&2
    exit 1
fi
if grep -q "Traceback" "$SMOKE/app.log"; then
    echo "the bundled app printed a traceback:" >&2
    cat "$SMOKE/app.log" >&2
    exit 1
fi
say "OK: the bundle builds, starts, shows its window and quits cleanly"
