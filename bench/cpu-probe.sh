#!/usr/bin/env bash
# The CPU time a fixed piece of work takes on this machine right now (seconds; lower is faster). On the shared
# 2-core VM the same work has taken 0.29–0.51 s on an idle machine within a minute (docs/benchmarks.md, eighth
# pass): a run's throughput follows the machine's speed as much as the code's, so runs print it next to theirs.
#
#   bench/cpu-probe.sh
python3 - <<'PY'
import time
start = time.process_time()
total = 0
for i in range(3_000_000):
    total += i * i % 7
print(f"{time.process_time() - start:.3f}")
PY
