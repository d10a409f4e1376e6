#!/usr/bin/env bash
# The KPI dashboard's API data at benchmark volume (issue #4): each request the dashboard makes for a month,
# whole company, and the year-long trend, one client at a time, after the daily rollup has caught up.
#   bench/kpi-dashboard.sh http://localhost:18431 "$TOKEN" 2026-10-01 2026-10-31 2025-11-28 2026-11-27
set -euo pipefail
BASE=$1 TOKEN=$2 FROM=$3 TO=$4 YEAR_FROM=$5 YEAR_TO=$6
TABLE=ORDERS_RECEIVED,RESPONSE_24H,ON_TIME,SATISFACTION,FIRST_CONTACT_RESOLUTION,REPAIR_ARRIVAL_ON_TIME,OVERDUE
DIR=$(cd "$(dirname "$0")" && pwd)
run() {
  echo "== $1"
  java "$DIR/LoadClient.java" get "$BASE" "$TOKEN" 1 20 "$2" 2>&1 | tail -2
}
run "month tiles (all KPIs)" "/api/v1/kpis?from=$FROM&to=$TO"
run "month trend by day" "/api/v1/kpis?from=$FROM&to=$TO&groupBy=day&kpis=$TABLE"
run "month by unit" "/api/v1/kpis?from=$FROM&to=$TO&groupBy=unit&kpis=$TABLE"
run "month by type" "/api/v1/kpis?from=$FROM&to=$TO&groupBy=type&kpis=$TABLE"
run "month by category" "/api/v1/kpis?from=$FROM&to=$TO&groupBy=category&kpis=$TABLE"
run "month by staff" "/api/v1/kpis?from=$FROM&to=$TO&groupBy=staff&kpis=$TABLE"
run "year trend by month (the chart's KPIs)" "/api/v1/kpis?from=$YEAR_FROM&to=$YEAR_TO&groupBy=month&kpis=$TABLE"
run "year trend by month (all KPIs)" "/api/v1/kpis?from=$YEAR_FROM&to=$YEAR_TO&groupBy=month"
