#!/bin/bash
# batch/htcondor_shard.sh P N [suite options...]: HTCondor's job P (0-based,
# $(Process)) runs shard P+1 of N (batch/htcondor.sub).
set -euo pipefail
: "${ALPCAST:=alpcast}" "${SHARDS_DIR:=shards}"
P=${1:?usage: htcondor_shard.sh PROCESS N}; N=${2:?usage: htcondor_shard.sh PROCESS N}; shift 2
K=$((P + 1))
export ALPCAST_THREADS=${ALPCAST_THREADS:-1} # one CPU per job (request_cpus)
mkdir -p "$SHARDS_DIR"
exec "$ALPCAST" suite --shard "$K/$N" --resume --out "$SHARDS_DIR/shard_$K" -j 1 -q "$@"
