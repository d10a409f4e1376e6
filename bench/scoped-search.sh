#!/usr/bin/env bash
# Customer search as users whose data scope is one supply station or one county (issue #3): creates (once) two
# agents on a GridCare loaded by customers-1m.sql — bench.station at STATION (default BENCH-C5-S01) and bench.county
# at COUNTY (default BENCH-C5, the bench's city of 10 stations) — takes a token of each, and runs
# bench/get-cpu.sh (LoadClient get: throughput, latency percentiles, CPU and statements per request) with the words
# file for each of them in turn. The admin's password is $PASSWORD; the agents' is $AGENT_PASSWORD (default below).
#
#   PASSWORD='Bench-Root-Pa55w0rd' bench/scoped-search.sh SERVER_PID DB_PORT BASE_URL CLIENTS SECONDS WORDS_FILE
set -euo pipefail
server=$1 port=$2 base=${3%/} clients=$4 seconds=$5 words=$6
station=${STATION:-BENCH-C5-S01} county=${COUNTY:-BENCH-C5}
agent_password=${AGENT_PASSWORD:-Bench-Agent-Pa55w0rd}
: "${PASSWORD:?the admin password}"

token_of() {   # USER PASSWORD → a bearer token valid for a day
  curl -sf -u "$1:$2" -H 'Content-Type: application/json' -d '{"name":"scoped-search","validDays":1}' \
    "$base/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

admin=$(token_of admin "$PASSWORD")
for pair in "bench.station:$station" "bench.county:$county"; do
  user=${pair%%:*} unit=${pair#*:}
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$base/api/v1/users/$user")
  if [ "$status" = 404 ]; then
    curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$user\",\"displayName\":\"$user\",\"password\":\"$agent_password\",\"roles\":[\"AGENT\"],
           \"unitCode\":\"$unit\",\"enabled\":true}" "$base/api/v1/users"
  fi
done

for user in bench.station bench.county; do
  echo "== $user"
  JAVA_OPTS="-Dwords=$words" "$(dirname "$0")/get-cpu.sh" "$server" "$port" "$base" "$(token_of "$user" "$agent_password")" \
    "$clients" "$seconds" '/api/v1/customers?q={q}&size=20'
done
