#!/usr/bin/env bash
# CPU time per application, per process, as a new user meets it: `./ltsa up` as shipped (one office, the ministry),
# 600 applications of warm-up, then RUNS runs of COUNT applications at RATE/s (open loop). For each process its CPU
# time (utime+stime from /proc, children included: PostgreSQL's backends and reaped workers) over the run, less what
# it spends idle over the same time, divided by the applications; a run ends once central holds every application
# and the stack is quiet again. Beside it, counts that do not depend on noise: PostgreSQL commits (xact_commit) and
# statements (pg_stat_statements) in the office's three databases, producer requests to Kafka, and HTTP calls
# upstream (central and the gateway), each per application, idle rate subtracted. Prints the median of the runs and
# their range. Not a test: a measurement (the performance issue's targets: 10 ms in all, 2.5 ms in intake, 25
# statements, 15 ms/s idle).
#   bench/cpu-per-application.sh [count, default 900] [rate, default 30] [runs, default 3; 0: the idle rates only]
#   (environment: WARMUP applications before measuring, default 600; IDLE_SECONDS measured idle, default 60;
#   PROFILE="intake notification" records those services' last run with JFR and prints where their CPU went)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack.sh
export COUNT=${1:-900} RATE=${2:-30} RUNS=${3:-3}
# pg_stat_statements loaded in the bench's throwaway PostgreSQL only (see PostgresServer)
LTSA_POSTGRES_STATEMENT_STATS=on start_stack
export OFFICE_TOKEN=$(./ltsa token 5203 office)
python3 bench/cpu_per_application.py
