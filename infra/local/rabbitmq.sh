#!/usr/bin/env bash
# Runs a private RabbitMQ node (with its own epmd) in the foreground for Civility's local mode.
# Used by the app host and by the test fixtures.
#   rabbitmq.sh DATA_DIR [AMQP_PORT EPMD_PORT DIST_PORT]
#   (ports default to $RABBITMQ_NODE_PORT, $ERL_EPMD_PORT, $RABBITMQ_DIST_PORT)
#   user and password in RABBITMQ_USER / RABBITMQ_PASSWORD; RABBITMQ_DEFINITIONS, if set, a definitions file
#   (users, permissions) imported at every start
# Every port is given by the caller (the orchestrator hands out free ones): none is derived, none is fixed.
# Stops the node and its epmd on SIGTERM or SIGINT, and with its parent if the parent dies.
set -euo pipefail
starter=$PPID
data=${1:?data folder}
port=${2:-${RABBITMQ_NODE_PORT:?amqp port}}
epmd_port=${3:-${ERL_EPMD_PORT:?epmd port}}
dist_port=${4:-${RABBITMQ_DIST_PORT:?distribution port}}
server=/usr/lib/rabbitmq/bin/rabbitmq-server
if [ ! -x "$server" ] || ! command -v epmd >/dev/null; then
  echo "RabbitMQ not found: install it with 'apt-get install -y rabbitmq-server'" >&2
  exit 78
fi

mkdir -p "$data/home" "$data/mnesia" "$data/log"
data=$(cd "$data" && pwd)
export HOME="$data/home"
if [ ! -s "$HOME/.erlang.cookie" ]; then
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$HOME/.erlang.cookie"
fi
chmod 400 "$HOME/.erlang.cookie"

export ERL_EPMD_PORT=$epmd_port
export RABBITMQ_DIST_PORT=$dist_port
export ERL_CRASH_DUMP="$data/log/erl_crash.dump"
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME=civility-$port@localhost
export RABBITMQ_MNESIA_BASE="$data/mnesia"
export RABBITMQ_LOG_BASE="$data/log"
export RABBITMQ_CONF_ENV_FILE=/dev/null
export RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$data/rabbitmq"
# Erlang's schedulers spin while they wait for work; beside the services on a small machine that spinning is CPU
# taken from them (at start-up most of all). Waiting without spinning costs the broker a little latency, nothing else.
# The distribution port (for rabbitmqctl) listens on loopback only, like AMQP and epmd.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none -kernel inet_dist_use_interface {127,0,0,1}"
printf '[].\n' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
cat > "$data/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
default_user = ${RABBITMQ_USER:?RABBITMQ_USER is required}
default_pass = ${RABBITMQ_PASSWORD:?RABBITMQ_PASSWORD is required}
loopback_users = none
log.console = true
log.console.level = warning
log.file = false
CONF
if [ -n "${RABBITMQ_DEFINITIONS:-}" ]; then
  echo "load_definitions = $RABBITMQ_DEFINITIONS" >> "$data/rabbitmq.conf"
fi

# Our own epmd in the foreground: a daemonised one would outlive the node.
setpriv --pdeathsig TERM epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
epmd_pid=$!
setpriv --pdeathsig TERM "$server" &
node=$!

stop() {
  kill "${watcher:-}" 2>/dev/null || true
  kill -TERM "$node" 2>/dev/null || true
  wait "$node" 2>/dev/null || true
  kill -TERM "$epmd_pid" 2>/dev/null || true
  wait "$epmd_pid" 2>/dev/null || true
  exit 0
}
trap stop TERM INT
# If whoever started us dies without stopping us (a test host killed hard), stop too.
( while kill -0 "$starter" 2>/dev/null; do sleep 2; done; kill -TERM $$ 2>/dev/null ) &
watcher=$!
wait "$node" || true
stop
