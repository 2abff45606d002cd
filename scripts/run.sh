#!/usr/bin/env bash
# Sets up and runs HA Ingestor on its embedded defaults: the simulated demo home, SQLite in the
# data dir, the REST API on 127.0.0.1:8006. Extra arguments go to ha-ingestor,
# e.g. scripts/run.sh --api-token secret
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh build -DBUILD_TESTING=OFF
exec build/app/ha-ingestor --headless --demo "$@"
