#!/usr/bin/env bash
# CPU per request of a read load: runs bench/LoadClient.java get against a GridCare on this machine and divides the
# CPU time (utime + stime from /proc/<pid>/stat) of the server JVM, of its embedded PostgreSQL (the postmaster and
# every child) and of the load client by the requests served. The client's 5 s warm-up runs at the measured rate,
# so the requests of the whole run are taken as throughput × (SECONDS + 5). Resets pg_stat_statements before and
# prints the statements per request and the statements that took the most time after (the server must preload it,
# as for bench/intake-cpu.sh). Extra java options (-Dwords=FILE) go in JAVA_OPTS.
#
#   JAVA_OPTS=-Dwords=/tmp/words.txt bench/get-cpu.sh SERVER_PID DB_PORT BASE_URL TOKEN CLIENTS SECONDS PATH...
set -euo pipefail
server=$1 port=$2 base=$3 token=$4 clients=$5 seconds=$6
shift 6
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
classes=$(mktemp -d)
client_out=$(mktemp)
javac -d "$classes" "$(dirname "$0")/LoadClient.java"   # compiled first: the compiler's CPU is not the client's
psql_ -c "select pg_stat_statements_reset()" > /dev/null
jvm0=$(ticks "$server"); pg0=$(ticks $(pg_pids))
# shellcheck disable=SC2086
/usr/bin/time -f '%U %S' -o "$client_out.time" java ${JAVA_OPTS:-} -cp "$classes" LoadClient get "$base" "$token" \
  "$clients" "$seconds" "$@" | tee "$client_out"
jvm1=$(ticks "$server"); pg1=$(ticks $(pg_pids))
throughput=$(sed -n 's/.*throughput \([0-9.]*\)\/s.*/\1/p' "$client_out")
read -r cu cs < "$client_out.time"
hz=$(getconf CLK_TCK)
requests=$(python3 -c "print(round($throughput * ($seconds + 5)))")
python3 - "$requests" "$((jvm1 - jvm0))" "$((pg1 - pg0))" "$cu" "$cs" "$hz" <<'EOF'
import sys
n, jvm, pg, cu, cs, hz = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
ms = lambda t: t * 1000.0 / hz / n
client = (cu + cs) * 1000.0 / n
print(f"requests ~{n} (warm-up included); CPU per request: JVM {ms(jvm):.2f} ms, PostgreSQL {ms(pg):.2f} ms, "
      f"client {client:.2f} ms, total {ms(jvm) + ms(pg) + client:.2f} ms")
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_ -c "select round(sum(calls)::numeric / $requests, 2), round(sum(total_exec_time)::numeric / $requests, 3)
            from pg_stat_statements where query !~* 'pg_stat_statements|^(begin|commit|rollback)'" \
  | sed 's/^\(.*\)|\(.*\)$/statements per request (without begin\/commit): \1, their time per request: \2 ms/'
psql_ -F ' | ' -c "select calls, round(mean_exec_time::numeric, 3) mean_ms, round(total_exec_time::numeric) total_ms,
  left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_statements order by total_exec_time desc limit 8"
rm -rf "$client_out" "$client_out.time" "$classes"
