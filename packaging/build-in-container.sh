#!/usr/bin/env bash
# Build the Linux bundle inside an AlmaLinux 9 image (packaging/container/Containerfile), so
# that it needs glibc 2.34 rather than the build machine's; see docs/PACKAGING.md.
#
#   packaging/build-in-container.sh [BUILD_DIR]
#
# Needs podman or docker. The bundle is built from a fresh clone of this repository's
# committed HEAD (uncommitted changes are not in it) into BUILD_DIR (default build/el9), by
# packaging/build-bundle.sh with MAX_GLIBC=2.34: a bundle that needs more fails the build.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
OUT="${1:-$ROOT/build/el9}"
IMAGE="${IMAGE:-readout-desk-bundle-el9}"
ENGINE="$(command -v podman || command -v docker || true)"
[ -n "$ENGINE" ] || { echo "podman or docker is needed to build in a container" >&2; exit 1; }
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

"$ENGINE" build -t "$IMAGE" -f "$HERE/container/Containerfile" "$HERE/container"
"$ENGINE" run --rm -v "$ROOT:/repository:ro" -v "$OUT:/out" "$IMAGE" bash -euo pipefail -c '
    git config --global --add safe.directory "*"
    git clone --quiet /repository /tmp/readout-desk
    cd /tmp/readout-desk
    deps=$("$PYTHON" -c "import tomllib; p = tomllib.load(open(\"pyproject.toml\", \"rb\"))[\"project\"]; print(\"\\n\".join(p[\"dependencies\"] + p[\"optional-dependencies\"][\"bundle\"]))")
    mapfile -t requirements <<<"$deps"
    "$PYTHON" -m pip install --quiet "${requirements[@]}"
    MAX_GLIBC=2.34 packaging/build-bundle.sh /out
'
echo "bundle: $OUT/dist/ReadoutDesk"
