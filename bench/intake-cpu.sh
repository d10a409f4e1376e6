#!/usr/bin/env bash
# CPU per new order: runs bench/LoadClient.java create-orders against a GridCare on this machine and divides the
# CPU time (utime + stime from /proc/<pid>/stat) of the server JVM, of its embedded PostgreSQL (the postmaster and
# every child) and of the load client by the orders created during the run (warm-up included, as the CPU is).
# Also resets pg_stat_statements before and prints the statements per order after (the server must preload it:
# shared_preload_libraries = 'pg_stat_statements' in the data directory's postgresql.auto.conf).
#
#   bench/intake-cpu.sh SERVER_PID DB_PORT BASE_URL TOKEN CLIENTS SECONDS CUSTOMERS_FILE
#
# With CLIENT=wrk the orders come from wrk (Debian's package wrk) and bench/intake.lua instead: the same requests, one
# connection per client, from two event-loop threads in C. The client's CPU is then the two wrk runs' (5 s warm-up
# and the run).
set -euo pipefail
server=$1 port=$2 base=$3 token=$4 clients=$5 seconds=$6 customers=$7
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# a postgres child that ends during the run takes its CPU with it: the pool keeps its connections, so only the
# autovacuum workers come and go; their CPU is not the orders' anyway.
probe_before=$("$(dirname "$0")/cpu-probe.sh")
psql_ -c "select pg_stat_statements_reset()" > /dev/null
first=$(psql_ -c "select coalesce(max(id), 0) from work_order")
jvm0=$(ticks "$server"); pg0=$(ticks $(pg_pids))
client_out=$(mktemp)
classes=$(mktemp -d)
if [ "${CLIENT:-java}" = wrk ]; then
  threads=$((clients < 2 ? clients : 2))
  echo "warm-up 5 s, then $seconds s with $clients clients: create-orders (wrk, $threads threads)" | tee "$client_out"
  /usr/bin/time -f '%U %S %e' -o "$client_out.time" bash -c '
    wrk -t"$1" -c"$2" -d5s -s "$3" "$4" -- "$5" "$6" > /dev/null
    wrk -t"$1" -c"$2" -d"$7"s -s "$3" "$4" -- "$5" "$6"' wrk "$threads" "$clients" "$(dirname "$0")/intake.lua" \
    "$base" "$token" "$customers" "$seconds" | grep -E '^(requests|latency)' | tee -a "$client_out"
else
  javac -d "$classes" "$(dirname "$0")/LoadClient.java"   # compiled first: the compiler's CPU is not the client's
  /usr/bin/time -f '%U %S %e' -o "$client_out.time" java -cp "$classes" LoadClient create-orders "$base" "$token" \
    "$clients" "$seconds" "$customers" | tee "$client_out"
fi
jvm1=$(ticks "$server"); pg1=$(ticks $(pg_pids))
orders=$(psql_ -c "select count(*) from work_order where id > $first")
read -r cu cs elapsed < "$client_out.time"
hz=$(getconf CLK_TCK)
python3 - "$orders" "$((jvm1 - jvm0))" "$((pg1 - pg0))" "$cu" "$cs" "$hz" "$elapsed" <<'EOF'
import sys
orders, jvm, pg, cu, cs, hz = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
elapsed = float(sys.argv[7])
ms = lambda t: t * 1000.0 / hz / orders
client = (cu + cs) * 1000.0 / orders
print(f"orders {orders}; CPU per order: JVM {ms(jvm):.2f} ms, PostgreSQL {ms(pg):.2f} ms, client {client:.2f} ms, "
      f"total {ms(jvm) + ms(pg) + client:.2f} ms")
# throughput = busy cores / CPU per order: the busy share stays near 1.5 of 2 cores while the CPU per order moves
# with the host's speed (docs/benchmarks.md, ninth pass)
print(f"busy: {((jvm + pg) / hz + cu + cs) / elapsed:.2f} cores over the client's {elapsed:.0f} s")
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); CPU probe (bench/cpu-probe.sh, s) before $probe_before, after $("$(dirname "$0")/cpu-probe.sh")"
psql_ -c "select round(sum(calls)::numeric / $orders, 2) from pg_stat_statements where query !~* 'pg_stat_statements|^(begin|commit|rollback)'" \
  | sed 's/^/statements per order (without begin\/commit): /'
psql_ -F ' | ' -c "select calls, round(mean_exec_time::numeric, 3) mean_ms, round(total_exec_time::numeric) total_ms,
  left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_statements order by calls desc limit 25"
rm -rf "$client_out" "$client_out.time" "$classes"
