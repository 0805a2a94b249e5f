#!/usr/bin/env bash
# Starts Collaborative on the embedded default, on this machine, with nothing installed but a JDK:
#   - builds the jars first if they are missing or older than the sources;
#   - starts the workspace app, which starts PostgreSQL, a Kafka broker and a MongoDB wire-protocol server in its
#     own JVM on 127.0.0.1 (data under ./data, kept between runs);
#   - starts the projections app beside it;
#   - prints the address once the site answers. Ctrl-C stops everything cleanly.
# The stores are durable (PostgreSQL with fsync, synchronous_commit and full_page_writes on): an acknowledged command
# survives a crash. PostgreSQL runs as a process of its own; if a run's JVM was killed and left it running, the next
# start stops it and starts a fresh one (docs/operations.md).
# JAVA_OPTS defaults to -XX:+UseSerialGC: on a two-core laptop the concurrent G1 threads of two JVMs and a broker
# compete with start-up (measured in docs/performance.md).
# Logs: data/logs/. Settings: environment variables as in README.md (COLLABORATIVE_PORT, PROJECTIONS_PORT, and the
# COLLABORATIVE_EMBEDDED_* settings such as COLLABORATIVE_EMBEDDED_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")"

version=0.1.0-SNAPSHOT
app=workspace-app/target/workspace-app-$version-exec.jar
projections=projections/target/projections-$version-exec.jar
port=${COLLABORATIVE_PORT:-8080}
projections_port=${PROJECTIONS_PORT:-8081}
kafka_port=${COLLABORATIVE_EMBEDDED_KAFKA_PORT:-9092}
mongo_port=${COLLABORATIVE_EMBEDDED_MONGO_PORT:-27017}
data=${COLLABORATIVE_EMBEDDED_DATA_DIR:-./data}

if [ ! -f "$app" ] || [ ! -f "$projections" ] \
   || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$app" -print -quit 2>/dev/null)" ]; then
  echo "Building Collaborative (first run, or the sources changed)..."
  ./mvnw -q -B -DskipTests install
fi

# The operator's command line: ./run.sh create-administrator --email=... --name=... --organisation=...
# (docs/operations.md, "The first administrator"). Beside a running workspace it uses that workspace's embedded
# servers; on a stopped one it starts them for the time it runs.
if [ "${1:-}" = "create-administrator" ]; then
  extra=()
  if curl -s -o /dev/null --max-time 2 "http://localhost:$port/actuator/health" 2>/dev/null; then
    extra=(--collaborative.embedded.enabled=false)
  fi
  exec java ${JAVA_OPTS:--XX:+UseSerialGC} -jar "$app" "$@" "${extra[@]}" --logging.level.root=warn
fi

# Backup and restore of the embedded default (docs/operations.md, "Backup and restore"):
#   ./run.sh backup [--to=backups/<file>.zip]      while Collaborative runs, or on a stopped one
#   ./run.sh restore --from=backups/<file>.zip     into an empty COLLABORATIVE_EMBEDDED_DATA_DIR, then ./run.sh
# They start no application: the backup reads PostgreSQL (starting it alone if the workspace is stopped).
if [ "${1:-}" = "backup" ] || [ "${1:-}" = "restore" ]; then
  exec java ${JAVA_OPTS:--XX:+UseSerialGC} -jar "$app" "$@"
fi

for taken in "$port" "$projections_port"; do
  if curl -s -o /dev/null --max-time 2 "http://localhost:$taken/" 2>/dev/null; then
    echo "Something is already answering on http://localhost:$taken: is Collaborative already running?" >&2
    exit 1
  fi
done

# Class-data sharing (docs/adr/0026-class-data-sharing-at-start-up.md): each app runs from its jar extracted under
# its module's target/cds, with the JVM's archive of the classes it loaded, written when a run stops and used by every
# later run (start-up parses, verifies and links far fewer classes). A rebuilt jar is extracted again and its archive
# written again; a missing or unusable archive costs only speed (-Xshare:auto).
launch_options() {
  local jar=$1 dir
  dir="$(dirname "$jar")/cds"
  local extracted="$dir/$(basename "$jar")"
  if [ ! -f "$extracted" ] || [ "$jar" -nt "$extracted" ]; then
    rm -rf "$dir"
    if ! java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null 2>&1; then
      echo "-jar $jar"
      return
    fi
  fi
  if [ -f "$dir/classes.jsa" ] && [ "$dir/classes.jsa" -nt "$extracted" ]; then
    echo "-Xshare:auto -XX:SharedArchiveFile=$dir/classes.jsa -jar $extracted"
  else
    echo "-XX:ArchiveClassesAtExit=$dir/classes.jsa -jar $extracted"
  fi
}
app_launch=$(launch_options "$app")
projections_launch=$(launch_options "$projections")

mkdir -p "$data/logs"
started=$(date +%s)
java ${JAVA_OPTS:--XX:+UseSerialGC} $app_launch --server.port="$port" >"$data/logs/workspace-app.log" 2>&1 &
app_pid=$!
java ${JAVA_OPTS:--XX:+UseSerialGC} $projections_launch --server.port="$projections_port" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port" \
  --spring.mongodb.uri="mongodb://127.0.0.1:$mongo_port/collaborative" >"$data/logs/projections.log" 2>&1 &
projections_pid=$!

stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping Collaborative..."
  kill "$projections_pid" 2>/dev/null || true
  wait "$projections_pid" 2>/dev/null || true
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  echo "Stopped. Your data is kept in $data."
}
trap stop INT TERM EXIT

ready() {
  curl -fsS -o /dev/null "http://localhost:$port/actuator/health/readiness" 2>/dev/null \
    && curl -fsS -o /dev/null "http://localhost:$projections_port/actuator/health/readiness" 2>/dev/null
}
until ready; do
  if ! kill -0 "$app_pid" 2>/dev/null || ! kill -0 "$projections_pid" 2>/dev/null; then
    echo "Collaborative did not start. See $data/logs/workspace-app.log and $data/logs/projections.log" >&2
    exit 1
  fi
  sleep 0.5
done

echo "Collaborative is running at http://localhost:$port (up in $(( $(date +%s) - started )) s)."
echo "Sign in with a demo account from README.md. Press Ctrl-C to stop."
wait "$app_pid"
