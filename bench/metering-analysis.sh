#!/usr/bin/env bash
# The 12-month consumption analysis of one customer at a time (1 client, after a warm-up), on a GridCare
# whose bench meters have a year of data from bench/metering-year.sql (daily sums for the first DAY_METERS
# meters, monthly rollups for all). Prints the load average, the volume, then p50/p95/p99, e.g.:
#   bench/metering-analysis.sh http://localhost:18473 55473 'Bench-Root-Pa55w0rd' 2025-11-01 20000 30
# STATIONS=n takes the customers of n supply stations only, WARMUP=s warms up for s seconds first: the
# similar customers' averages of a group (station, kind) are computed by its first analysis and then kept for
# gridcare.metering.peer-cache-ttl, so a warm-up over few stations measures the warm path.
set -euo pipefail
BASE=$1 PGPORT=$2 PASSWORD=$3 FIRST=${4:-2025-11-01} DAY_METERS=${5:-20000} SECONDS_RUN=${6:-30}
STATIONS=${STATIONS:-1000} WARMUP=${WARMUP:-5}
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d gridcare -v ON_ERROR_STOP=1 -qAt)
LAST=$(python3 -c "import datetime; d=datetime.date.fromisoformat('$FIRST'); print(d.replace(year=d.year+1) - datetime.timedelta(days=1))")
WORDS=/tmp/gridcare-bench-analysis-customers.txt
# customers whose meter has daily sums, in a random order
"${PSQL[@]}" -c "select c from (select substr(meter_number, 3) as c from meter where meter_number like 'BM%'
                 order by meter_number limit $DAY_METERS) x
                 where c in (select number from customer where unit_id in (select distinct unit_id from customer
                                                                           order by unit_id limit $STATIONS))
                 order by random() limit 5000" > "$WORDS"
echo "customers asked for: $(wc -l < "$WORDS") of $STATIONS station(s) at most"
echo "meters: $("${PSQL[@]}" -c "select count(*) from meter where meter_number like 'BM%'"), months: \
$("${PSQL[@]}" -c "select count(*) from meter_month"), meter-days: $("${PSQL[@]}" -c "select count(*) from meter_interval_day")"
TOKEN=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench","validDays":1}' \
  "$BASE/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
java -Dwords="$WORDS" "$(dirname "$0")/LoadClient.java" get "$BASE" "$TOKEN" 1 "$WARMUP" \
  "/api/v1/customers/{q}/consumption/analysis?from=$FIRST&to=$LAST" > /dev/null
uptime
java -Dwords="$WORDS" "$(dirname "$0")/LoadClient.java" get "$BASE" "$TOKEN" 1 "$SECONDS_RUN" \
  "/api/v1/customers/{q}/consumption/analysis?from=$FIRST&to=$LAST"
uptime
