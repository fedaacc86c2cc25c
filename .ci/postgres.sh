#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `start DIR` makes a cluster in DIR (as an
# unprivileged user when run as root) listening only on a Unix socket in DIR, with the
# unaccent and pg_trgm extensions available, and prints the URL the tests read
# (READOUT_DESK_TEST_PG); `stop DIR` stops it; `restart DIR` stops and starts it again (the
# tests of reconnecting use it on a server of their own).
set -euo pipefail

bindir() {
    if command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
    else
        ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
    fi
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u rdtest -- "$@"
    else
        "$@"
    fi
}

action="${1:?start, stop or restart}"
dir="${2:?a folder for the cluster}"
bin="$(bindir)"
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL's server programs are not installed" >&2; exit 1; }

case "$action" in
start)
    if [ "$(id -u)" -eq 0 ]; then
        id rdtest >/dev/null 2>&1 || useradd --system --no-create-home rdtest
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown rdtest "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U rdtest --auth=trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off" \
        start >/dev/null
    as_owner "$bin/createdb" -h "$dir" -U rdtest readout_test
    echo "postgresql://rdtest@/readout_test?host=$dir"
    ;;
restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w restart >/dev/null
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
*)
    echo "usage: $0 start|stop|restart DIR" >&2
    exit 2
    ;;
esac
