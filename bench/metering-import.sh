#!/usr/bin/env bash
# Metering import benchmark: generates METERS x DAYS x 96 fifteen-minute interval readings, times a
# plain COPY of the file into an unindexed table (the baseline), then imports the same file through
# GridCare's API and reads the server's own start/finish times. Finally it times the consumption
# queries. Run on demand against a GridCare on this machine (see bench/README.md), e.g.:
#   bench/metering-import.sh http://localhost:18431 55431 'Bench-Root-Pa55w0rd' 10000 3
set -euo pipefail
BASE=$1 PGPORT=$2 PASSWORD=$3 METERS=${4:-10000} DAYS=${5:-3}
FIRST_DAY=${FIRST_DAY:-2026-10-01}
FILE=${FILE:-/tmp/gridcare-bench-intervals.csv}
. "$(dirname "$0")/lib.sh"
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d gridcare -v ON_ERROR_STOP=1 -qAt)

"${PSQL[@]}" -v meters="$METERS" -f "$(dirname "$0")/meters.sql"
"${PSQL[@]}" -c "select substr(meter_number, 3) from meter where meter_number like 'BM%' order by meter_number limit $METERS" \
  > /tmp/gridcare-bench-customers.txt

echo "generating $FILE"
python3 - "$FILE" "$FIRST_DAY" "$DAYS" /tmp/gridcare-bench-customers.txt <<'PY'
import sys, datetime, random
out, first, days, customers = sys.argv[1], datetime.date.fromisoformat(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
meters = ['BM' + line.strip() for line in open(customers) if line.strip()]
random.seed(7)
with open(out, 'w') as f:
    f.write('meterNumber,start,minutes,kwh\n')
    for d in range(days):
        day = first + datetime.timedelta(days=d)
        for m in meters:
            base = random.uniform(0.05, 0.6)
            for q in range(96):
                f.write(f'{m},{day}T{q // 4:02d}:{q % 4 * 15:02d}:00+08:00,15,{base * (1.6 if 32 <= q < 88 else 0.7):.4f}\n')
PY
ROWS=$(($(wc -l < "$FILE") - 1))
echo "rows: $ROWS ($(du -h "$FILE" | cut -f1))"

uptime
echo "baseline: plain COPY into an unindexed table"
"${PSQL[@]}" -c "drop table if exists bench_copy" \
  -c "create table bench_copy (meter_number text, start_at timestamptz, minutes smallint, kwh numeric(12,4))"
START=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy bench_copy from '$FILE' with (format csv, header)"
END=$(date +%s.%N)
COPY_SECONDS=$(python3 -c "print($END-$START)")
python3 -c "d=$COPY_SECONDS; print(f'plain COPY: {d:.1f} s, {$ROWS/d:,.0f} rows/s')"
"${PSQL[@]}" -c "drop table bench_copy"

import_file() { # $1: label
  echo "GridCare import ($1)"
  REPLY=$(curl -sf -u "admin:$PASSWORD" -F "file=@$FILE;type=text/csv" -F kind=INTERVAL "$BASE/api/v1/meter-readings/import")
  ID=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['id'])" "$REPLY")
  await_done "$BASE/api/v1/meter-readings/imports/$ID?size=1" status 0.5
  python3 - "$REPORT" "$COPY_SECONDS" <<'PY'
import json, sys, datetime
r = json.loads(sys.argv[1])
t = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
d = (t(r['finishedAt']) - t(r['startedAt'])).total_seconds()
print(f"import {r['id']} {r['status']}: {r['rowsRead']} rows in {d:.1f} s = {r['rowsRead'] / d:,.0f} rows/s "
      f"(accepted {r['rowsAccepted']}, unchanged {r['rowsUnchanged']}, rejected {r['rowsRejected']}); "
      f"{100 * float(sys.argv[2]) / d:.0f} % of the plain COPY's rate")
PY
}
uptime
import_file "new readings"
import_file "the same file again: every row unchanged"
uptime
[ -n "${SKIP_QUERIES:-}" ] && exit 0

echo "consumption queries (1 client, 20 s): DAY series and the analysis over the generated days"
TOKEN=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench","validDays":1}' \
  "$BASE/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
LAST=$(python3 -c "import datetime; print(datetime.date.fromisoformat('$FIRST_DAY') + datetime.timedelta(days=$DAYS - 1))")
java -Dwords=/tmp/gridcare-bench-customers.txt "$(dirname "$0")/LoadClient.java" get "$BASE" "$TOKEN" 1 20 \
  "/api/v1/customers/{q}/consumption?from=$FIRST_DAY&to=$LAST&granularity=DAY"
java -Dwords=/tmp/gridcare-bench-customers.txt "$(dirname "$0")/LoadClient.java" get "$BASE" "$TOKEN" 1 20 \
  "/api/v1/customers/{q}/consumption/analysis?from=$FIRST_DAY&to=$LAST"
