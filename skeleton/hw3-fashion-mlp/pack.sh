#!/usr/bin/env bash
# Zips exactly the files you submit (listed in kit.json) into the submission zip named there.
# Windows: run `dotnet run --project tools/Kit -- pack` (or pack.cmd) from this folder.
set -euo pipefail
cd "$(dirname "$0")"
dotnet run --project tools/Kit -- pack "$@"
