# Sourced by the benches (run from the project's root): one place for starting and finding a throwaway `ltsa up`.

# Starts `ltsa up "$@"` in a fresh LTSA_HOME, stopped and removed when the bench exits, and waits until every process
# is ready (the launcher's log shows its start-up if it dies first). The caller's environment reaches every process.
start_stack() {
  export LTSA_HOME
  LTSA_HOME=$(mktemp -d /tmp/ltsa-bench-XXXX)
  chmod 755 "$LTSA_HOME"
  trap './ltsa down >/dev/null 2>&1 || true; rm -rf "$LTSA_HOME"' EXIT
  ./ltsa up "$@" > "$LTSA_HOME/up.log" 2>&1 &
  local launcher=$!
  until grep -q "is up after" "$LTSA_HOME/up.log"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$LTSA_HOME/up.log"; exit 1; }
    sleep 0.5
  done
}

# The control URL of an office's upstream simulator (default 5203), where `ltsa up` put it: behind the office's
# uplink, not on a fixed port.
simulator_url() {
  sed -n 's/^simulatorControlUrl=//p' "$(office_dir "${1:-5203}")/run/uplink.properties" | sed 's/\\:/:/g'
}

# An office's folder under LTSA_HOME (default 5203): its run/ (pid files) and logs/.
office_dir() {
  echo "$LTSA_HOME/offices/${1:-5203}"
}
