#!/usr/bin/env bash
# Implementation of ./lumbung (sourced settings come from env.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LUMBUNG_ROOT"

LOGS="$LUMBUNG_STATE/logs"
DEV_KEY="$LUMBUNG_ROOT/platform/src/test/resources/dev-jwt/private.pem"

token() {
  local role="${1:-kemensos}" hours="${2:-12}"
  shift 2 2>/dev/null || shift $#
  java "$LUMBUNG_ROOT/deploy/local/Token.java" "$DEV_KEY" "$role" "$hours" "$@"
}

service_pid() { cat "$LUMBUNG_STATE/$1.pid" 2>/dev/null || true; }

start_service() {
  local service="$1" port="${SERVICE_PORT[$1]}"
  local pid
  pid=$(service_pid "$service")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "$service-service already running (pid $pid)"
    return
  fi
  log "starting $service-service on :$port"
  # prod,local: the packaged service as in production, plus the local demo settings (the DCI demo client)
  LUMBUNG_DCI_SIGNING_KEY="$DEV_KEY" nohup java $JAVA_OPENS -XX:TieredStopAtLevel=1 -Xmx512m -Dquarkus.profile=prod,local \
    -jar "$LUMBUNG_ROOT/$service-service/target/quarkus-app/quarkus-run.jar" > "$LOGS/$service.log" 2>&1 &
  echo $! > "$LUMBUNG_STATE/$service.pid"
}

await_ready() {
  local service="$1" port="${SERVICE_PORT[$1]}"
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
      return
    fi
    if ! kill -0 "$(service_pid "$service")" 2>/dev/null; then
      echo "$service-service stopped during start-up; last lines of $LOGS/$service.log:" >&2
      tail -30 "$LOGS/$service.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$service-service not ready after 120 s; see $LOGS/$service.log" >&2
  exit 1
}

demo_data() {
  local t
  t=$(token kemensos 1)
  local created=0
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:${SERVICE_PORT[registry]}/api/v1/households" \
      -H "Authorization: Bearer $t" -H 'Content-Type: application/json' -d "$line")
    [ "$code" = 201 ] && created=$((created + 1))
  done < "$LUMBUNG_ROOT/deploy/local/demo/households.ndjson"
  log "demo data: $created new households in Kelurahan Karangkebagusan, Jepara (already present ones are kept)"
}

run() {
  mkdir -p "$LOGS"
  bash "$LUMBUNG_ROOT/deploy/local/postgres.sh" ensure
  bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" start kafka 9092
  log "building the services"
  "$LUMBUNG_ROOT/mvnw" -B -q package -DskipTests
  for service in "${SERVICES[@]}"; do
    start_service "$service"
  done
  for service in "${SERVICES[@]}"; do
    await_ready "$service"
  done
  demo_data
  local operator
  operator=$(token dinsos 12 33.20)
  cat <<TXT

Lumbung is running.
  registry-service      http://127.0.0.1:${SERVICE_PORT[registry]}/q/swagger-ui
  eligibility-service   http://127.0.0.1:${SERVICE_PORT[eligibility]}/q/swagger-ui
  disbursement-service  http://127.0.0.1:${SERVICE_PORT[disbursement]}/q/swagger-ui
  complaint-service     http://127.0.0.1:${SERVICE_PORT[complaint]}/q/swagger-ui
  Kafka                 127.0.0.1:9092     PostgreSQL  127.0.0.1:5432 (lumbung/lumbung)
  logs                  $LOGS

Operator token (role dinsos, Kabupaten Jepara 33.20, 12 h) for Swagger UI's Authorize button:
$operator

Other tokens:   ./lumbung token kemensos | ./lumbung token operator-desa 12 33.20.06.1001
DCI integrator: client spmis-dev, secret spmis-dev-secret (Kabupaten Jepara 33.20), signed with the development key:
  curl -s http://127.0.0.1:${SERVICE_PORT[registry]}/dci/oauth2/client/token -d grant_type=client_credentials -d client_id=spmis-dev -d client_secret=spmis-dev-secret
Watch events:   ./lumbung events registry.households.v1
Stop:           ./lumbung stop
TXT
}

stop() {
  for service in "${SERVICES[@]}"; do
    local pid
    pid=$(service_pid "$service")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" || true
      log "$service-service stopped"
    fi
    rm -f "$LUMBUNG_STATE/$service.pid"
  done
  bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" stop kafka
}

test_all() {
  bash "$LUMBUNG_ROOT/deploy/local/spectral.sh" >/dev/null
  bash "$LUMBUNG_ROOT/deploy/local/postgres.sh" reset-tests
  bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" kill kafka-test
  rm -rf "$LUMBUNG_STATE/kafka-test"
  bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" start kafka-test 19092
  trap 'bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" stop kafka-test; bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" stop kafka-fault' EXIT
  # the short chaos run: a few thousand households, one SIGKILL per service, the broker and PostgreSQL once
  "$LUMBUNG_ROOT/mvnw" -B install -Dlumbung.chaos=true -Dlumbung.chaos.households=3000 -Dlumbung.chaos.kills=1 "$@"
}

# The platform benchmark (BENCHMARKS.md): the packaged stack fed a synthetic extract of [households] households,
# each figure beside its physical reference; then, with --modules, the 1M-row benchmarks of each service.
bench() {
  local households=100000 modules=false
  for arg in "$@"; do
    case "$arg" in
      --modules) modules=true ;;
      *) households="$arg" ;;
    esac
  done
  bash "$LUMBUNG_ROOT/deploy/local/postgres.sh" ensure
  log "building the services and the synthetic data generator"
  "$LUMBUNG_ROOT/mvnw" -B -q install -DskipTests
  "$LUMBUNG_ROOT/mvnw" -B -pl e2e-tests test -Dtest=StackBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlumbung.bench=true -Dlumbung.bench.households="$households"
  if [ "$modules" = true ]; then
    bash "$LUMBUNG_ROOT/deploy/local/postgres.sh" reset-tests
    bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" kill kafka-test
    rm -rf "$LUMBUNG_STATE/kafka-test"
    bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" start kafka-test 19092
    trap 'bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" stop kafka-test' EXIT
    "$LUMBUNG_ROOT/mvnw" -B -pl registry-service test -Dtest=ImportBenchmarkTest -Dlumbung.import.bench=true \
      -Dlumbung.import.bench.households=1000000
    "$LUMBUNG_ROOT/mvnw" -B -pl eligibility-service test -Dtest=DeterminationBenchTest -Dlumbung.bench=true
    "$LUMBUNG_ROOT/mvnw" -B -pl disbursement-service test -Dtest=ScheduleBenchmarkTest -Dlumbung.bench=true
  fi
  log "the stack's table is in e2e-tests/target/benchmark/results.md, every figure by name in results.json"
}

chaos() {
  local households="${1:-20000}"
  bash "$LUMBUNG_ROOT/deploy/local/postgres.sh" ensure
  log "building the services and the synthetic data generator"
  "$LUMBUNG_ROOT/mvnw" -B -q install -DskipTests
  "$LUMBUNG_ROOT/mvnw" -B -pl e2e-tests test -Dtest=ChaosTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlumbung.chaos=true -Dlumbung.chaos.households="$households"
  log "the chaos run's table is in e2e-tests/target/chaos/results.md (results.json beside it)"
}

status() {
  for service in "${SERVICES[@]}"; do
    local port="${SERVICE_PORT[$service]}" state="stopped"
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && state="ready"
    printf '%-22s :%s  %s\n' "$service-service" "$port" "$state"
  done
}

case "${1:-}" in
  run) run ;;
  stop) stop ;;
  test) shift; test_all "$@" ;;
  bench) shift; bench "$@" ;;
  chaos) shift; chaos "$@" ;;
  token) shift; token "$@" ;;
  events) [ $# -ge 2 ] || { echo "usage: ./lumbung events <topic>" >&2; exit 2; }; bash "$LUMBUNG_ROOT/deploy/local/kafka.sh" tail 9092 "$2" ;;
  status) status ;;
  *) sed -n '2,10p' "$LUMBUNG_ROOT/lumbung" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
