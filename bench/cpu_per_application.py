"""The measuring half of bench/cpu-per-application.sh (which starts the stack): see there."""
import json, os, re, statistics, subprocess, sys, time, urllib.request

HOME = os.environ["LTSA_HOME"]
OFFICE = os.path.join(HOME, "offices", "5203")
COUNT, RATE, RUNS = int(os.environ["COUNT"]), int(os.environ["RATE"]), int(os.environ["RUNS"])
TICK = os.sysconf("SC_CLK_TCK")
PG_PORT = os.environ.get("LTSA_POSTGRES_PORT", "5432")
DATABASES = ("intake", "submission", "notification")
SERVICES = {"intake": 8081, "submission": 8082, "notification": 8083}
INTAKE = "http://127.0.0.1:%s/api/v1/applications" % os.environ.get("INTAKE_PORT", "8081")
# services whose last run is recorded by JFR and summarised by bench/jfr_hot.py (PROFILE="intake notification");
# the recording costs a little CPU of its own, so the last run's figures are then a little high
PROFILE = os.environ.get("PROFILE", "").split()


def simulator_url():
    for line in open(os.path.join(OFFICE, "run", "uplink.properties")):
        if line.startswith("simulatorControlUrl="):
            return line.split("=", 1)[1].strip().replace("\\:", ":")
    raise SystemExit("no simulator address in uplink.properties")


SIM = simulator_url()


def pid_of(name):
    return int(open(os.path.join(OFFICE, "run", name + ".pid")).read().strip())


def processes():
    found = {name: pid_of(name + "-service") for name in SERVICES}
    found["simulator"] = pid_of("central-api-simulator")
    found["gammu-smsd"] = pid_of("gammu-smsd")
    kafka = subprocess.run(["pgrep", "-f", "kafka.Kafka .*%s/" % OFFICE], capture_output=True, text=True).stdout
    found["kafka"] = int(kafka.split()[0])
    found["postgresql"] = int(open(os.path.join(OFFICE, "data", "postgres", "postmaster.pid")).readline())
    return found


def stat(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return fields  # fields[0] is the state (field 3 of proc(5))


def cpu_ms(pid, with_children_alive=False):
    """utime+stime+cutime+cstime of pid; with_children_alive adds the live children (PostgreSQL's backends)."""
    f = stat(pid)
    ticks = sum(int(x) for x in f[11:15])
    if with_children_alive:
        for child in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split():
            try:
                c = stat(int(child))
                ticks += int(c[11]) + int(c[12])
            except FileNotFoundError:
                pass  # it ended between the listing and the read
    return ticks * 1000.0 / TICK


def cpu(procs):
    return {name: cpu_ms(pid, name == "postgresql") for name, pid in procs.items()}


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres",
                          "postgres", "-c", sql], capture_output=True, text=True, check=True).stdout
    return float(out.strip() or 0)


def psql_rows(sql):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-F", "\t", "-h", "127.0.0.1", "-p", PG_PORT, "-U",
                           "postgres", "postgres", "-c", sql], capture_output=True, text=True, check=True).stdout


def statements_of_last_run(created, elapsed, top=40):
    """Where the last run's statements went: the most called, per application (idle's share included)."""
    dbs = ",".join("'%s'" % d for d in DATABASES)
    rows = psql_rows("SELECT d.datname, s.calls, CASE WHEN s.toplevel THEN '' ELSE '(nested) ' END"
                     # the head and the tail: Hibernate's statements differ only after their long column lists
                     " || regexp_replace(CASE WHEN length(s.query) <= 150 THEN s.query"
                     " ELSE left(s.query, 45) || ' … ' || right(s.query, 100) END, '\\s+', ' ', 'g')"
                     " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                     " WHERE d.datname IN (%s) ORDER BY s.calls DESC LIMIT %d" % (dbs, top))
    print("\nthe last run's most called statements, per application (over %.0f s, idle included):" % elapsed)
    for line in rows.splitlines():
        db, calls, query = line.split("\t", 2)
        print("  %-13s %6.2f  %s" % (db, int(calls) / created, query))


def metric_sum(url, name, exclude=None):
    text = urllib.request.urlopen(url, timeout=5).read().decode()
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            if exclude and re.search(exclude, line):
                continue
            total += float(line.rsplit(" ", 1)[1])
    return total


def counters():
    dbs = ",".join("'%s'" % d for d in DATABASES)
    return {
        "commits": psql("SELECT sum(xact_commit) FROM pg_stat_database WHERE datname IN (%s)" % dbs),
        "statements": psql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d"
                           " ON d.oid = s.dbid WHERE d.datname IN (%s)" % dbs),
        # what the services send (nested statements such as foreign-key checks are not round trips); PgJDBC sends a
        # BEGIN with the statement after it, so a BEGIN stands for its transaction's COMMIT
        "round trips": psql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d"
                            " ON d.oid = s.dbid WHERE d.datname IN (%s) AND s.toplevel"
                            " AND upper(s.query) NOT IN ('COMMIT', 'ROLLBACK')" % dbs),
        "kafka requests": sum(metric_sum("http://127.0.0.1:%d/q/metrics" % (port + 1000), "kafka_producer_request_total")
                              for port in SERVICES.values()),
        "http upstream": metric_sum(SIM + "/q/metrics", "http_server_requests_seconds_count", r'uri="/(sim|q)/'),
    }


def at_central():
    return json.load(urllib.request.urlopen(SIM + "/sim/stats", timeout=5))["uniqueApplications"]


def load(count, seed):
    seconds = max(1, round(count / RATE))
    out = subprocess.run(["java", "-XX:+UseSerialGC", "bench/IntakeLoad.java", INTAKE, os.environ["OFFICE_TOKEN"],
                          str(RATE), str(seconds), str(seed)], capture_output=True, text=True, check=True).stdout
    created = int(re.search(r"created (\d+)", out).group(1))
    return created, out


def total_rate(procs, seconds):
    a = sum(cpu(procs).values())
    time.sleep(seconds)
    return (sum(cpu(procs).values()) - a) / seconds


def wait_quiet(procs, expected, idle):
    """Until central holds `expected` and the whole stack is back near its idle CPU rate (at most 180 s)."""
    deadline = time.time() + 180
    while at_central() < expected and time.time() < deadline:
        time.sleep(0.5)
    while time.time() < deadline:
        if total_rate(procs, 3) <= idle * 1.5 + 20:
            return
    print("  (not quiet after 180 s)")


def main():
    procs = processes()
    urllib.request.urlopen(urllib.request.Request(SIM + "/sim/mode", data=b'{"mode":"UP"}', method="PUT",
                                                  headers={"Content-Type": "application/json"}), timeout=5)
    psql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT 0")
    warmup = int(os.environ.get("WARMUP", "600"))
    print("== warm-up: %d applications at %d/s, not measured" % (warmup, RATE))
    created, _ = load(warmup, 1)
    expected = created
    wait_quiet(procs, expected, 200)
    # what each process spends with nothing to do, over 60 s (timers, polls, the lag monitor, gammu's polling)
    idle_seconds = int(os.environ.get("IDLE_SECONDS", "60"))
    c0, n0, t0 = cpu(procs), counters(), time.time()
    time.sleep(idle_seconds)
    c1, n1, t1 = cpu(procs), counters(), time.time()
    idle = {k: (c1[k] - c0[k]) / (t1 - t0) for k in c0}
    idle_counts = {k: (n1[k] - n0[k]) / (t1 - t0) for k in n0}
    print("idle, ms of CPU per second: " + ", ".join("%s %.1f" % (k, v) for k, v in idle.items())
          + "; office stack %.1f (simulator excluded)" % sum(v for k, v in idle.items() if k != "simulator"))
    print("idle, per second: " + ", ".join("%s %.2f" % (k, v) for k, v in idle_counts.items()))
    if RUNS == 0:
        return  # idle only (bench/cpu-per-application.sh 0 30 0)
    runs = []
    for run in range(RUNS):
        if run == RUNS - 1:
            psql("SELECT pg_stat_statements_reset(); SELECT 0")  # the last run's own breakdown, printed at the end
            for name in PROFILE:
                jcmd(procs[name], "JFR.start", "name=bench", "settings=profile",
                     "filename=%s/%s.jfr" % (HOME, name))
        c0, n0, t0 = cpu(procs), counters(), time.time()
        created, out = load(COUNT, 10 + run)
        expected += created
        wait_quiet(procs, expected, sum(idle.values()))
        c1, n1, t1 = cpu(procs), counters(), time.time()
        elapsed = t1 - t0
        per = {k: (c1[k] - c0[k] - idle[k] * elapsed) / created for k in c0}
        per["total"] = sum(v for k, v in per.items() if k != "simulator") + per["simulator"]
        counts = {k: (n1[k] - n0[k] - idle_counts[k] * elapsed) / created for k in n0}
        latency = re.search(r"p50 [^\n]*", out)
        print("run %d: %d created, %.0f s until quiet; %s" % (run + 1, created, elapsed,
                                                               latency.group(0) if latency else ""))
        runs.append({**per, **counts})
        last = (created, elapsed)
    print("\nper application (median of %d runs [range]), idle subtracted:" % RUNS)
    for key in runs[0]:
        values = [r[key] for r in runs]
        unit = "ms CPU" if key in idle or key == "total" else "count"
        print("  %-16s %8.2f  [%.2f – %.2f]  %s" % (key, statistics.median(values), min(values), max(values), unit))
    statements_of_last_run(*last)
    for name in PROFILE:
        jcmd(procs[name], "JFR.stop", "name=bench")
        print("\n== %s, the last run (JFR)" % name)
        sys.stdout.flush()
        subprocess.run(["python3", "bench/jfr_hot.py", "%s/%s.jfr" % (HOME, name), "20"], check=True)


def jcmd(pid, *command):
    subprocess.run(["jcmd", str(pid)] + list(command), capture_output=True, check=True)


main()
