#!/usr/bin/env sh
# Regenerate the interface's translation files from the sources:
#   readout_desk_ja.ts  the strings of src/readout_desk/ui with their Japanese (pyside6-lupdate)
#   readout_desk_ja.qm  what the program loads (pyside6-lrelease)
# New strings appear in the .ts marked unfinished: translate them (Qt Linguist, or an editor),
# then run this again to build the .qm. tests/ui/test_translation_files.py fails until both
# are current and every string is translated.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PYSIDE6_BIN:-"$root/.venv/bin"}
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
cd "$root"
find src/readout_desk/ui -name '*.py' | LC_ALL=C sort > "$here/sources.lst"
"$bin/pyside6-lupdate" -locations none -no-obsolete -source-language en \
    -target-language ja @"$here/sources.lst" -ts "$here/readout_desk_ja.ts"
rm -f "$here/sources.lst"
"$bin/pyside6-lrelease" -silent "$here/readout_desk_ja.ts" -qm "$here/readout_desk_ja.qm"
