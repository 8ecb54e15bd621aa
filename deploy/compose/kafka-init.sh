#!/usr/bin/env bash
# Users, topics and ACLs of the compose Kafka broker; run once per `up` by the kafka-init container (the broker's
# own image). Safe to run again: topics and ACLs that exist are kept, passwords are set to the given ones.
#
# Every service has a SCRAM-SHA-512 user named after it. It may write and describe exactly the topics it publishes
# and its own dead-letter topics (<topic>.<service>.dlq, one per topic it consumes), and read exactly the topics it
# consumes with its own consumer groups. Kafka 3.0+ lets an idempotent producer in with WRITE on a topic, so no
# cluster-wide IdempotentWrite is granted. The broker refuses everything else (allow.everyone.if.no.acl.found=false).
# Passwords must not contain quotes, backslashes, commas or square brackets.
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP:-kafka:9094}"
PARTITIONS="${KAFKA_TOPIC_PARTITIONS:-3}"
REPLICATION="${KAFKA_TOPIC_REPLICATION_FACTOR:-1}"
# State topics: the last record per key is the current state.
COMPACTED=" registry.households.v1 eligibility.determinations.v1 "

ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
cat > "$ADMIN_CONFIG" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${LUMBUNG_KAFKA_ADMIN_PASSWORD:?}";
PROPS
admin() {
  local tool="$1"
  shift
  "$BIN/$tool" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" "$@"
}

for attempt in $(seq 1 60); do
  if admin kafka-topics.sh --list > /dev/null 2>&1; then
    break
  fi
  if [ "$attempt" = 60 ]; then
    echo "Kafka at $BOOTSTRAP did not answer the admin user" >&2
    exit 1
  fi
  sleep 2
done

# service NAME PASSWORD "TOPICS IT PUBLISHES" "TOPICS IT CONSUMES" "ITS CONSUMER GROUPS"
service() {
  local name="$1" password="$2" publishes="$3" consumes="$4" groups="$5"
  local topic group writes=() reads=() group_args=()
  for topic in $publishes; do
    writes+=("$topic")
  done
  for topic in $consumes; do
    writes+=("$topic.$name.dlq")
    reads+=(--topic "$topic")
  done
  for group in $groups; do
    group_args+=(--group "$group")
  done

  admin kafka-configs.sh --alter --entity-type users --entity-name "$name" \
    --add-config "SCRAM-SHA-512=[password=$password]"

  local write_args=()
  for topic in "${writes[@]}"; do
    local config=()
    if [[ "$COMPACTED" == *" $topic "* ]]; then
      config=(--config cleanup.policy=compact --config max.compaction.lag.ms=86400000 --config delete.retention.ms=86400000)
    fi
    admin kafka-topics.sh --create --if-not-exists --topic "$topic" \
      --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "${config[@]}"
    write_args+=(--topic "$topic")
  done

  admin kafka-acls.sh --add --allow-principal "User:$name" --operation Write --operation Describe "${write_args[@]}"
  admin kafka-acls.sh --add --allow-principal "User:$name" --operation Read "${reads[@]}"
  admin kafka-acls.sh --add --allow-principal "User:$name" --operation Read "${group_args[@]}"
}

service registry-service "${LUMBUNG_KAFKA_REGISTRY_PASSWORD:?}" \
  "registry.households.v1" \
  "complaint.outcomes.v1 registry.households.v1" \
  "registry-service registry-service.dci-notify"

service eligibility-service "${LUMBUNG_KAFKA_ELIGIBILITY_PASSWORD:?}" \
  "eligibility.determinations.v1 eligibility.beneficiary-lists.v1" \
  "registry.households.v1 disbursement.payments.v1 complaint.outcomes.v1" \
  "eligibility-service eligibility-service.disbursement-payments eligibility-service.complaint-outcomes"

service disbursement-service "${LUMBUNG_KAFKA_DISBURSEMENT_PASSWORD:?}" \
  "disbursement.payments.v1" \
  "eligibility.beneficiary-lists.v1 registry.households.v1" \
  "disbursement-service.beneficiary-lists disbursement-service.households"

service complaint-service "${LUMBUNG_KAFKA_COMPLAINT_PASSWORD:?}" \
  "complaint.outcomes.v1" \
  "eligibility.determinations.v1" \
  "complaint-service"

echo "Kafka users, topics and ACLs are in place"
