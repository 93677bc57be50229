#!/bin/bash
# tests/batch/run.sh (make batch-test): the full suite in 4 shards on a real
# Slurm (slurmctld + slurmd for this host, started here, stopped at the end
# also on failure) and with GNU parallel; each merge must give the bytes of a
# one-machine run (tools/same_run.lua: every file, summary.json but its
# timings).  Also: the HTCondor files are checked for syntax (HTCondor is
# not in Debian 12).  Needs root for apt and the daemons (CI runs as root).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${ALPCAST_BUILD:-build}
export ALPCAST="$ROOT/$BUILD/alpcast"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000} # PDFs: the same /CreationDate
N=4
say() { echo "batch-test: $*"; }

need=""
for p in slurm-wlm munge parallel; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
  say "installing$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi

W=$(mktemp -d /tmp/alpcast-batch.XXXXXX)
PIDS=()
stop() {
  for f in "${PIDS[@]}"; do
    [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  if [ -n "${MUNGE_SOCK:-}" ]; then munged --stop --socket="$MUNGE_SOCK" >/dev/null 2>&1 || true; fi
  rm -rf "$W"
  trap - EXIT
}
trap stop EXIT
trap 'stop; exit 130' INT TERM
cd "$ROOT"

# HTCondor: shell syntax, and every line of the submit file "key = value",
# a comment or one final "queue"
bash -n batch/htcondor_shard.sh batch/slurm.sbatch batch/parallel.sh
awk '/^[ \t]*(#|$)/ {next} /^queue( |$)/ {q++; next} /^[A-Za-z_+][A-Za-z0-9_.+]* *= */ {next}
     {print "batch/htcondor.sub:" NR ": not key = value: " $0; bad=1}
     END {if (q != 1) {print "batch/htcondor.sub: needs one queue line"; bad=1}; exit bad}' batch/htcondor.sub
say "HTCondor files: syntax ok"

say "one-machine run"
t0=$(date +%s)
"$ALPCAST" suite --out "$W/out" -q
mv "$W/out" "$W/one"
say "one-machine run: $(( $(date +%s) - t0 )) s"

# ---- Slurm --------------------------------------------------------------
HOST=$(hostname -s)
MUNGE_SOCK="$W/munge/munge.socket"
mkdir -p "$W/munge" "$W/slurm/state" "$W/slurm/spool"
munged --force --socket="$MUNGE_SOCK" --pid-file="$W/munge/munged.pid" \
  --log-file="$W/munge/munged.log" --seed-file="$W/munge/munged.seed"
PIDS+=("$W/munge/munged.pid")
cat > "$W/slurm/slurm.conf" <<CONF
ClusterName=alpcastci
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCK
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
StateSaveLocation=$W/slurm/state
SlurmdSpoolDir=$W/slurm/spool
SlurmctldPidFile=$W/slurm/slurmctld.pid
SlurmdPidFile=$W/slurm/slurmd.pid
SlurmctldLogFile=$W/slurm/slurmctld.log
SlurmdLogFile=$W/slurm/slurmd.log
NodeName=$HOST CPUs=$(nproc) State=UNKNOWN
PartitionName=ci Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$W/slurm/slurm.conf"
slurmctld -f "$SLURM_CONF"
PIDS+=("$W/slurm/slurmctld.pid")
slurmd -f "$SLURM_CONF"
PIDS+=("$W/slurm/slurmd.pid")
for i in $(seq 1 100); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 0.2; done
sinfo -h -o "%P %T %c" | sed 's/^/batch-test: slurm node: /'

say "slurm: sbatch --array=1-$N"
t0=$(date +%s)
JOB=$(SHARDS_DIR="$W/slurm_shards" sbatch --parsable --array=1-$N --chdir="$ROOT" \
        --output="$W/slurm/task-%A_%a.log" batch/slurm.sbatch)
for i in $(seq 1 1200); do
  [ -z "$(squeue -h -j "$JOB" 2>/dev/null)" ] && break
  sleep 0.5
done
if [ -n "$(squeue -h -j "$JOB" 2>/dev/null)" ]; then say "slurm: job $JOB still running after 600 s"; exit 1; fi
say "slurm: $N tasks done in $(( $(date +%s) - t0 )) s"
cat "$W"/slurm/task-*.log
shards=(); for k in $(seq $N); do shards+=("$W/slurm_shards/shard_$k"); done
"$ALPCAST" merge "$W/out" "${shards[@]}" -q
"$ALPCAST" tools/same_run.lua "$W/one" "$W/out"
mv "$W/out" "$W/slurm_out"
say "slurm: merged outputs identical to the one-machine run"

# ---- GNU parallel -------------------------------------------------------
say "GNU parallel: $N shards"
t0=$(date +%s)
SHARDS_DIR="$W/parallel_shards" OUT="$W/out" batch/parallel.sh $N
say "GNU parallel: shards and merge in $(( $(date +%s) - t0 )) s"
"$ALPCAST" tools/same_run.lua "$W/one" "$W/out"
say "GNU parallel: merged outputs identical to the one-machine run"
say "ok"
