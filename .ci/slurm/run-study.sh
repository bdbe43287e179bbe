#!/usr/bin/env bash
# CI: a real distributed run (issue 16, point 8). Brings up a single-node Slurm cluster on
# localhost (Debian's slurm-wlm and munge), runs two small studies (an optimize study and a
# reliability study) each as a job array of 4 tasks (.ci/slurm/study.sbatch: `optimize` or
# `reliability --shard i/4`), merges the shards and checks that each merged CSV is byte for
# byte the CSV of the same study run in one process (`--shard 1/1`).
#
# Usage (as root): .ci/slurm/run-study.sh [DAKHLA_PLANNER_BINARY]   (default target/debug/...)
#
# No systemd and no cgroups needed (containers often have neither): the daemons are started
# directly (slurmctld and slurmd in the foreground as children of this script, munged as a
# daemon when none answers), with proctrack/linuxproc and task/none. The cluster's files are
# under /var/spool/dakhla-ci-slurm (its own slurm.conf, used through SLURM_CONF, so a system
# /etc/slurm is left alone), on ports 6917/6918 instead of Slurm's 6817/6818. Re-runnable:
# the daemons of an earlier run (found by their pid files) are stopped and its state is
# cleared first; everything this run started is stopped on exit, success or not. On failure
# the daemons' logs and the tasks' output are shown and the exit status is non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

state=/var/spool/dakhla-ci-slurm
out=$repo/target/slurm-study

# The study: the reference campus's 3 cost cases (base and its 2 sensitivities) x 2 weather
# years x a Pareto front of 2 targets (70 % and 99.9 % CFE) = 12 jobs, 3 per task; about 15 s
# of work in one process. (--pareto makes the study a Pareto front; its CSV is not written by
# a shard, `merge --csv` writes the study.)
study=(scenarios/dakhla-500mw.ron --years 2 --pareto "$out/front-not-written.csv"
    --set optimizer.pareto_points=2)
# And a reliability study: the grid-link campus (its survival curve too), 60 failure draws x 2
# weather years = 120 sampled years, 30 per task.
reliability_study=(scenarios/dakhla-grid-link.ron --draws 60 --years 2 --seed 7)
shards=4
export SLURM_CONF=$state/slurm.conf
ctld_port=6917
slurmd_port=6918

say() { echo "slurm-ci: $*"; }
die() {
    echo "slurm-ci: error: $*" >&2
    exit 1
}

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts munged, slurmctld and slurmd)"
bin=${1:-target/debug/dakhla-planner}
[ -x "$bin" ] || die "$bin: no such executable; build it first (cargo build -p dakhla-planner --bin dakhla-planner)"
bin=$(realpath "$bin")

started=() # pids of the daemons this run started, stopped on exit
t_start=$SECONDS

show_logs() {
    echo "---------------- slurm-ci: diagnostics ----------------" >&2
    if [ -n "${node:-}" ] && kill -0 "${ctld_pid:-0}" 2>/dev/null; then
        timeout 15 sinfo -R >&2 || true
        timeout 15 scontrol show node "$node" >&2 || true
        timeout 15 squeue >&2 || true
    fi
    # A daemon's log file, or its stderr when it stopped before opening the log. (The mpi/pmix
    # errors there are harmless: Slurm 22.05 loads its MPI plugins even with MpiDefault=none,
    # and libpmix is not installed.)
    local f d
    for d in slurmctld slurmd; do
        f=$state/log/$d.log
        [ -s "$f" ] || f=$state/log/$d.stderr
        if [ -s "$f" ]; then
            echo "---- $f (last 60 lines)" >&2
            tail -n 60 "$f" >&2
        fi
    done
    for f in /var/log/munge/munged.log "$out"/slurm-*.out; do
        [ -s "$f" ] || continue
        echo "---- $f (last 30 lines)" >&2
        tail -n 30 "$f" >&2
    done
}

# Stop a process by its pid if it is still the program named (TERM, then KILL after 10 s).
stop_pid() { # pid, program name
    local pid=$1 name=$2 k
    [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] || return 0
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for k in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        [ "$k" = 50 ] || sleep 0.2
    done
    say "$name ($pid) did not stop on TERM within 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

on_exit() {
    local rc=$?
    set +e
    [ "$rc" = 0 ] || show_logs
    if [ -n "${sbatch_pid:-}" ]; then kill -TERM "$sbatch_pid" 2>/dev/null; fi
    # Jobs still queued or running (a failure or interruption during the array): cancel them
    # before slurmd stops, as a job's processes outlive slurmd. All jobs of this private
    # cluster are this run's.
    if kill -0 "${ctld_pid:-0}" 2>/dev/null && [ -n "$(timeout 15 squeue -h -o %i 2>/dev/null)" ]; then
        say "cancelling the jobs still in the queue"
        timeout 15 scancel --partition=ci
        local k
        for ((k = 0; k < 60; k++)); do
            [ -n "$(timeout 15 squeue -h -o %i 2>/dev/null)" ] || break
            sleep 0.5
        done
    fi
    local i
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do
        stop_pid "${started[i]%%:*}" "${started[i]#*:}"
    done
    [ "${#started[@]}" = 0 ] || say "stopped the daemons this run started"
    if [ "$rc" = 0 ]; then
        say "passed in $((SECONDS - t_start)) s"
    else
        echo "slurm-ci: FAILED (exit $rc) after $((SECONDS - t_start)) s" >&2
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wait up to $1 seconds for a command to succeed, failing early when the daemon with pid $2
# (if given) has exited.
wait_for() { # seconds, pid or "", description, command...
    local secs=$1 pid=$2 what=$3 k
    shift 3
    for ((k = 0; k < secs * 2; k++)); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            die "$what: the daemon (pid $pid) exited"
        fi
        sleep 0.5
    done
    die "$what: not after $secs s"
}

echo "== packages"
need=()
for p in slurmctld:slurmctld slurmd:slurmd sbatch:slurm-client munged:munge; do
    command -v "${p%%:*}" >/dev/null 2>&1 || need+=("${p#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
    say "installing slurm-wlm and munge (missing: ${need[*]})"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends slurm-wlm munge
fi
say "$(slurmctld -V), $(munged --version 2>&1 | head -n 1)"

echo "== munge"
munge_ok() { munge -n | unmunge; }
if munge_ok >/dev/null 2>&1; then
    say "a munged already answers: using it"
else
    install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
    install -d -o munge -g munge -m 0755 /run/munge
    key=/etc/munge/munge.key
    if [ ! -s "$key" ]; then
        say "creating $key"
        mungekey --create --keyfile="$key" 2>/dev/null ||
            dd if=/dev/urandom of="$key" bs=1024 count=1 status=none
    fi
    chown munge:munge "$key"
    chmod 0400 "$key"
    # munged daemonizes once it is ready; its pid file tells which process to stop.
    rm -f /run/munge/munged.pid
    runuser -u munge -- /usr/sbin/munged
    munged_pid=$(cat /run/munge/munged.pid)
    started+=("$munged_pid:munged")
    wait_for 10 "$munged_pid" "munged" munge_ok
    say "started munged (pid $munged_pid)"
fi

echo "== slurm.conf for one node"
# Daemons of an earlier run of this script, if any are left, then its state.
for d in slurmd slurmctld; do
    if [ -r "$state/run/$d.pid" ]; then stop_pid "$(cat "$state/run/$d.pid")" "$d"; fi
done
rm -rf "$state"
mkdir -p "$state"/ctld "$state"/slurmd "$state"/log "$state"/run

node=$(hostname -s)
cpus=$(nproc)
# RealMemory a little below MemTotal: a node with less memory than configured is drained.
mem_mb=$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
cat >"$SLURM_CONF" <<EOF
# Written by .ci/slurm/run-study.sh: a single-node cluster on localhost for CI.
ClusterName=dakhla-ci
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/slurmd
SlurmctldPidFile=$state/run/slurmctld.pid
SlurmdPidFile=$state/run/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# No cgroups: processes tracked through /proc, tasks not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
KillWait=10
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
say "$SLURM_CONF: node $node, $cpus CPUs, $mem_mb MB"

echo "== slurmctld and slurmd"
slurmctld -D -c >"$state/log/slurmctld.stderr" 2>&1 &
ctld_pid=$!
started+=("$ctld_pid:slurmctld")
wait_for 30 "$ctld_pid" "slurmctld answering (scontrol ping)" scontrol ping
say "slurmctld up (pid $ctld_pid)"

slurmd -D -N "$node" >"$state/log/slurmd.stderr" 2>&1 &
slurmd_pid=$!
started+=("$slurmd_pid:slurmd")
node_idle() { [ "$(sinfo -h -n "$node" -o %T)" = idle ]; }
wait_for 60 "$slurmd_pid" "node $node idle in sinfo" node_idle
sinfo
say "slurmd up (pid $slurmd_pid), cluster ready after $((SECONDS - t_start)) s"

# run_array KIND ARGS...: the study `dakhla-planner KIND ARGS` (optimize or reliability) as a
# job array of $shards tasks, merged, against the same study in one process (--shard 1/1).
run_array() {
    local kind=$1
    shift
    local dir=$out/$kind
    echo "== the $kind study as a job array of $shards: $*"
    rm -rf "$dir"
    mkdir -p "$dir"
    local t_array=$SECONDS
    say "sbatch --array=1-$shards --wait .ci/slurm/study.sbatch $kind ..."
    # In the background so that a signal to this script is handled at once (bash runs a trap
    # only after a foreground command returns); sbatch --wait exits non-zero if any task did.
    timeout 900 sbatch --array="1-$shards" --wait --chdir="$repo" \
        --output="$dir/slurm-%A_%a.out" .ci/slurm/study.sbatch \
        "$bin" "$kind" "$shards" "$dir" "$@" &
    sbatch_pid=$!
    if ! wait "$sbatch_pid"; then
        die "the $kind job array failed (sbatch --wait: a task exited non-zero, was cancelled or did not end within 900 s)"
    fi
    sbatch_pid=
    say "job array done in $((SECONDS - t_array)) s"
    local f
    for f in "$dir"/slurm-*.out; do
        echo "-- $(basename "$f")"
        sed 's/^/   /' "$f"
    done
    local i shard_files=()
    for ((i = 1; i <= shards; i++)); do
        [ -s "$dir/shard-$i.json" ] || die "task $i wrote no $dir/shard-$i.json"
        shard_files+=("$dir/shard-$i.json")
    done
    "$bin" merge "${shard_files[@]}" --csv "$dir/array.csv"

    echo "== the same $kind study in one process"
    local t_one=$SECONDS
    "$bin" "$kind" "$@" --shard 1/1 --out "$dir/one.json"
    "$bin" merge "$dir/one.json" --csv "$dir/one.csv"
    say "one process: $((SECONDS - t_one)) s"

    echo "== merged job array = one process?"
    if ! cmp "$dir/array.csv" "$dir/one.csv"; then
        diff -u "$dir/one.csv" "$dir/array.csv" | head -n 40 >&2 || true
        die "the merged shards of the $kind job array differ from the one-process run"
    fi
    local rows=$(($(wc -l <"$dir/array.csv") - 1))
    say "identical: $rows rows, $(sha256sum "$dir/array.csv" | cut -c1-16)… ($dir/array.csv)"
}

rm -rf "$out"
mkdir -p "$out"
run_array optimize "${study[@]}"
run_array reliability "${reliability_study[@]}"
