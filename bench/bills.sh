#!/usr/bin/env bash
# Bill run benchmark: prepares CUSTOMERS customers with a meter each and a year of monthly register reads
# (bench/customers-1m.sql, bench/meters.sql, bench/bill-readings.sql), starts POST /api/v1/bills/runs for
# MONTH and reads the run's own start and finish times. Run on demand against a GridCare on this machine
# (see bench/README.md), e.g.:
#   bench/bills.sh http://localhost:18431 55431 'Bench-Root-Pa55w0rd' 100000 2026-10
set -euo pipefail
BASE=$1 PGPORT=$2 PASSWORD=$3 CUSTOMERS=${4:-100000} MONTH=${5:-2026-10}
HERE=$(dirname "$0")
. "$HERE/lib.sh"
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d gridcare -v ON_ERROR_STOP=1 -qAt)

if [ "$("${PSQL[@]}" -c 'select count(*) from customer')" -lt "$CUSTOMERS" ]; then
  "${PSQL[@]}" -v count="$CUSTOMERS" -f "$HERE/customers-1m.sql" > /dev/null
fi
"${PSQL[@]}" -v meters="$CUSTOMERS" -f "$HERE/meters.sql"
"${PSQL[@]}" -v month="$MONTH" -f "$HERE/bill-readings.sql"

echo "bill run for $MONTH"
REPLY=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d "{\"month\":\"$MONTH\"}" "$BASE/api/v1/bills/runs")
ID=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['id'])" "$REPLY")
await_done "$BASE/api/v1/bills/runs/$ID" run.status 2
python3 - "$REPORT" <<'PY'
import json, sys, datetime
r = json.loads(sys.argv[1])['run']
t = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
d = (t(r['finishedAt']) - t(r['startedAt'])).total_seconds()
print(f"bill run {r['id']} {r['status']}: {r['customersSeen']} customers, {r['billsWritten']} bills in {d:.1f} s "
      f"= {r['billsWritten'] / d:,.0f} bills/s (skipped: no tariff {r['skippedNoTariff']}, unknown tariff "
      f"{r['skippedUnknownTariff']}, no readings {r['skippedNoReadings']}, invalid {r['skippedInvalid']})")
PY
"${PSQL[@]}" -c "select count(*) || ' bills, ' || sum(total) || ' 元, lines ' || (select count(*) from bill_line where month = '$MONTH-01') from bill where month = '$MONTH-01'"
uptime
