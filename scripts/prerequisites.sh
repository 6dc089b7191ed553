#!/usr/bin/env bash
# Makes sure this machine can run Civility: the .NET SDK must be there already; PostgreSQL and RabbitMQ come from
# the Debian/Ubuntu packages when there is no container engine (or always, with --local, as the tests need).
# "tests": local servers, and kubectl and Node.js, with which the deployment tests render and validate the Kubernetes
# manifests (deploy/kubernetes).
set -euo pipefail

need_local=${1:-auto}

install() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "prerequisites: installing $* from the distribution's packages..."
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

if [ "$need_local" = tests ]; then
  tools=()
  command -v kubectl >/dev/null || tools+=(kubernetes-client)
  { command -v node >/dev/null && command -v npm >/dev/null; } || tools+=(nodejs npm)
  [ ${#tools[@]} -eq 0 ] || install "${tools[@]}"
  need_local=local
fi

if [ "$need_local" = auto ]; then
  if (docker info >/dev/null 2>&1 || podman info >/dev/null 2>&1); then
    echo "prerequisites: a container engine answers; PostgreSQL and RabbitMQ will run as containers."
    exit 0
  fi
fi

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
if [ ${#missing[@]} -eq 0 ]; then
  echo "prerequisites: PostgreSQL and RabbitMQ are installed."
  exit 0
fi

install "${missing[@]}"
echo "prerequisites: done. (The packages' own system services are not used: Civility runs private servers.)"
