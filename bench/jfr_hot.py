"""Where a JVM's CPU went, from a JFR recording's execution samples (JDK 17's `jfr` has no `view`).
   python3 bench/jfr_hot.py recording.jfr [top]
Prints the share of samples by the library on top of the stack (self time), by library anywhere on the stack
(inclusive), and the hottest methods. Not a test: a tool for the performance issue."""
import collections
import json
import subprocess
import sys

# first match wins: the more specific prefixes come first
LIBRARIES = [
    ("id.ltsa.", "ltsa"), ("org.hibernate.", "hibernate"), ("org.postgresql.", "pgjdbc"),
    ("io.agroal.", "agroal"), ("com.arjuna.", "narayana"), ("io.quarkus.narayana", "narayana"),
    ("org.apache.kafka.", "kafka-clients"), ("io.smallrye.reactive.messaging", "reactive-messaging"),
    ("io.smallrye.mutiny", "mutiny"), ("io.vertx.", "vertx"), ("io.netty.", "netty"),
    ("org.jboss.resteasy.", "resteasy"), ("com.fasterxml.jackson.", "jackson"), ("com.google.crypto.tink", "tink"),
    ("io.opentelemetry.", "opentelemetry"), ("io.micrometer.", "micrometer"), ("org.hibernate.validator", "validator"),
    ("io.quarkus.", "quarkus"), ("io.smallrye.", "smallrye"), ("org.jboss.logging", "logging"),
    ("org.jboss.logmanager", "logging"), ("java.util.regex", "jdk-regex"), ("java.", "jdk"), ("javax.", "jdk"),
    ("jdk.", "jdk"), ("sun.", "jdk"),
]


def library(frame):
    name = frame["method"]["type"]["name"].replace("/", ".")
    for prefix, lib in LIBRARIES:
        if name.startswith(prefix):
            return lib
    return "other"


def method(frame):
    return frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]


def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_lib, incl_lib, hot, incl_ltsa = (collections.Counter() for _ in range(4))
    for event in events:
        frames = (event["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        self_lib[library(frames[0])] += 1
        hot[method(frames[0])] += 1
        for lib in {library(f) for f in frames}:
            incl_lib[lib] += 1
        for m in {method(f) for f in frames if method(f).startswith("id.ltsa.")}:
            incl_ltsa[m] += 1
    n = sum(self_lib.values()) or 1
    print("%d samples" % n)
    for title, counter in (("self, by library", self_lib), ("inclusive, by library", incl_lib),
                           ("hottest methods (self)", hot), ("our methods (inclusive)", incl_ltsa)):
        print("\n" + title)
        for key, count in counter.most_common(top):
            print("  %5.1f%%  %s" % (100.0 * count / n, key))


main()
