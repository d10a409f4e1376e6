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
