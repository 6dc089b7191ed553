#!/usr/bin/env bash
# Runs the whole Civility stack: PostgreSQL, RabbitMQ, the four services and the gateway, with the Aspire dashboard.
# On the first start it loads a demo data set through the gateway (resource "demo-data"; later starts find it there).
#   ./run.sh                      containers if an engine answers, else local processes (installed if missing)
#   ./run.sh Infra:Mode=local     force local processes (or Infra:Mode=containers)
#   ./run.sh --empty              no demo data: start with what the data folder holds (same as Demo:Load=false)
# Stop it with Ctrl+C (or SIGTERM); the data stays in .data/ for the next start.
set -euo pipefail
cd "$(dirname "$0")"
mode=auto
args=()
for arg in "$@"; do
  [[ "$arg" == Infra:Mode=local ]] && mode=local
  if [[ "$arg" == --empty ]]; then args+=("Demo:Load=false"); else args+=("$arg"); fi
done
scripts/prerequisites.sh "$mode"
dotnet build Civility.AppHost/Civility.AppHost.csproj -v quiet -nologo
exec dotnet run --project Civility.AppHost --no-build --launch-profile http -- ${args[@]+"${args[@]}"}
