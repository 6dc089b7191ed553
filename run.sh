#!/usr/bin/env bash
# Runs the whole Civility stack: PostgreSQL, RabbitMQ, the four services and the gateway, with the Aspire dashboard.
#   ./run.sh                      containers if an engine answers, else local processes (installed if missing)
#   ./run.sh Infra:Mode=local     force local processes (or Infra:Mode=containers)
# Stop it with Ctrl+C (or SIGTERM); the data stays in .data/ for the next start.
set -euo pipefail
cd "$(dirname "$0")"
mode=auto
for arg in "$@"; do [[ "$arg" == Infra:Mode=local ]] && mode=local; done
scripts/prerequisites.sh "$mode"
dotnet build Civility.AppHost/Civility.AppHost.csproj -v quiet -nologo
exec dotnet run --project Civility.AppHost --no-build --launch-profile http -- "$@"
