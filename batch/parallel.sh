#!/bin/bash
# batch/parallel.sh [N [suite options...]]: `alpcast suite` in N shards with
# GNU parallel on this machine (default N = number of CPUs), then the merge
# into $OUT (default out/).  The one-liner it runs:
#
#   ALPCAST_THREADS=1 parallel -j N alpcast suite --shard {}/N --resume --out shards/shard_{} -j 1 -q ::: $(seq N) \
#     && alpcast merge out shards/shard_*
set -euo pipefail
: "${ALPCAST:=alpcast}" "${SHARDS_DIR:=shards}" "${OUT:=out}"
N=${1:-$(nproc)}; shift || true
export ALPCAST_THREADS=${ALPCAST_THREADS:-1} # N shards at once, one thread each
mkdir -p "$SHARDS_DIR"
parallel --halt now,fail=1 -j "$N" "$ALPCAST" suite --shard {}/"$N" --resume \
  --out "$SHARDS_DIR"/shard_{} -j 1 -q "$@" ::: $(seq "$N")
shards=()
for k in $(seq "$N"); do shards+=("$SHARDS_DIR/shard_$k"); done
"$ALPCAST" merge "$OUT" "${shards[@]}" -q
