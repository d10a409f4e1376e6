# Shared by the bench scripts (sourced). await_done URL KEY SECONDS: polls a background job's report at URL
# with the admin's basic auth ($PASSWORD) every SECONDS until its status — at KEY ("status" or "run.status") —
# is DONE or FAILED, and leaves the last report in REPORT.
await_done() {
  local url=$1 key=$2 every=$3 status
  while :; do
    REPORT=$(curl -sf -u "admin:$PASSWORD" "$url")
    status=$(python3 -c "import json,sys
r = json.loads(sys.argv[1])
for k in sys.argv[2].split('.'): r = r[k]
print(r)" "$REPORT" "$key")
    [ "$status" = DONE ] || [ "$status" = FAILED ] && return 0
    sleep "$every"
  done
}

# For the CPU-per-request scripts (sourced after setting $port): psql_ runs SQL on the embedded database; ticks PID...
# prints the summed utime + stime of the given pids in clock ticks; pg_pids prints the postmaster of that database
# and its children.
psql_() { psql -h localhost -p "$port" -U postgres -d gridcare -At "$@"; }
ticks() {
  local sum=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    sum=$((sum + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$sum"
}
pg_pids() {
  local postmaster
  postmaster=$(psql_ -c "select pid from pg_stat_activity where backend_type = 'checkpointer'" | head -1)
  postmaster=$(awk '{print $4}' "/proc/$postmaster/stat")
  echo "$postmaster"
  grep -l "^PPid:[[:space:]]*$postmaster\$" /proc/[0-9]*/status 2>/dev/null | cut -d/ -f3
}
