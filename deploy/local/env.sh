# Shared settings for the local scripts: sourced, not run.
# Picks a Java 25 JDK, and names the ports, paths and databases of the local stack and of the tests.

LUMBUNG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LUMBUNG_STATE="${LUMBUNG_STATE:-$LUMBUNG_ROOT/.lumbung}"
KAFKA_LIBS="${KAFKA_LIBS:-$HOME/.cache/lumbung/kafka-libs-4.1.2}"

pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "2[5-9]'; then
    return
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25*; do
    if [ -x "$candidate/bin/java" ]; then
      export JAVA_HOME="$candidate"
      return
    fi
  done
  echo "Lumbung needs a Java 25 JDK (Temurin 25 expected at /usr/lib/jvm/temurin-25-jdk-amd64)." >&2
  exit 1
}
pick_java
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# jboss-threads needs the add-opens on Java 24+; the services check request URIs themselves (problem+json).
JAVA_OPENS="--add-opens java.base/java.lang=ALL-UNNAMED -Dvertx.disableURIValidation=true"

# PostgreSQL: one database per service, one login role.
PGHOST_LUMBUNG=127.0.0.1
PGPORT_LUMBUNG=5432
DB_USER=lumbung
DB_PASSWORD=lumbung
SERVICES=(registry eligibility disbursement complaint)
declare -A SERVICE_PORT=([registry]=8081 [eligibility]=8082 [disbursement]=8083 [complaint]=8084)

log() { printf '\033[1m[lumbung]\033[0m %s\n' "$*" >&2; }
