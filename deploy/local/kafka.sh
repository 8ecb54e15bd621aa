#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, single node) from Maven Central jars, on 127.0.0.1.
# Usage: kafka.sh fetch
#        kafka.sh start <name> <port>   (controller on port+1, data under .lumbung/<name>)
#        kafka.sh stop <name>
#        kafka.sh kill <name>           (SIGKILL, for fault tests; data is kept)
#        kafka.sh tail <port> <topic>   (prints every event on a topic, from the start)
set -euo pipefail
source "$(dirname "$0")/env.sh"

fetch() {
  if [ -f "$KAFKA_LIBS/.complete" ]; then
    return
  fi
  log "fetching the Kafka broker jars from Maven Central"
  mkdir -p "$KAFKA_LIBS"
  "$LUMBUNG_ROOT/mvnw" -q -B -f "$LUMBUNG_ROOT/deploy/local/kafka/pom.xml" \
    dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS" >&2
  touch "$KAFKA_LIBS/.complete"
}

start() {
  local name="$1" port="$2"
  local dir="$LUMBUNG_STATE/$name"
  local pidfile="$dir/broker.pid"
  fetch
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "Kafka '$name' already running on 127.0.0.1:$port"
    return
  fi
  for p in "$port" "$((port + 1))"; do
    if (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then
      echo "port $p is taken by another process; stop it (another checkout's broker?) and retry" >&2
      exit 1
    fi
  done
  mkdir -p "$dir"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$((port + 1))
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$((port + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
PROPS
  cat > "$dir/log4j2.properties" <<'LOG'
rootLogger.level=WARN
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=${sys:kafka.logs.dir}/broker.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d %p %c{1} %m%n
logger.kafka.name=kafka
logger.kafka.level=INFO
LOG
  local cp="$KAFKA_LIBS/*"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id
    id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" >/dev/null 2>&1
  fi
  log "starting Kafka '$name' on 127.0.0.1:$port"
  nohup java -Xms256m -Xmx512m -Dkafka.logs.dir="$dir" -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" > "$dir/broker.out" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 60); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && grep -q "started" "$dir/broker.log" 2>/dev/null; then
      log "Kafka '$name' is up"
      return
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "Kafka '$name' died on start; see $dir/broker.out and $dir/broker.log" >&2
      tail -20 "$dir/broker.out" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "Kafka '$name' did not come up within 30 s; see $dir/broker.log" >&2
  exit 1
}

stop() {
  local name="$1" signal="${2:-TERM}"
  local pidfile="$LUMBUNG_STATE/$name/broker.pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  log "Kafka '$name' stopped"
}

# Creates the log-compacted state topics, so an integrator can rebuild current state from them; compacted within a
# day, so an erased household leaves them.
state_topics() {
  local port="$1"
  for topic in registry.households.v1 eligibility.determinations.v1; do
    java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" \
      --create --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 \
      --config cleanup.policy=compact --config max.compaction.lag.ms=86400000 \
      --config delete.retention.ms=86400000 >/dev/null 2>&1 || true
  done
}

tail_topic() {
  local port="$1" topic="$2"
  fetch
  exec java -cp "$KAFKA_LIBS/*" -Dlog4j2.level=ERROR org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "127.0.0.1:$port" --topic "$topic" --from-beginning \
    --property print.key=true --property key.separator=" | "
}

case "${1:-}" in
  fetch) fetch ;;
  start) start "$2" "$3"; state_topics "$3" ;;
  stop) stop "$2" ;;
  kill) stop "$2" KILL ;;
  tail) tail_topic "$2" "$3" ;;
  *) echo "usage: $0 fetch | start <name> <port> | stop <name> | kill <name> | tail <port> <topic>" >&2; exit 2 ;;
esac
