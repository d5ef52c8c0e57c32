#!/usr/bin/env bash
# Draws a stored case's graded plots the way its student would have: the kit's plot commands (kit.json "logs" entries
# ending in .png) run on the case's logs, falling back to the PassesAll logs the case borrows. A plot equal to
# PassesAll's is not kept (the case borrows that one); the others are written into the case folder.
# Run it after train-case-log.sh gave a case its own log.
#
# usage: tests/tools/plot-case.sh <assignment> <case folder>
#   e.g. tests/tools/plot-case.sh hw3-fashion-mlp tests/Overlays/hw3-fashion-mlp/PassesLoops
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
assignment=$1
case_dir=$(cd "$2" && pwd)
[ "$case_dir" != "$root/tests/Golden/$assignment/PassesAll" ] || { echo "plot-case: PassesAll is what the other cases borrow from; draw its plots with the kit's commands directly" >&2; exit 2; }
kit_json="$root/skeleton/$assignment/kit.json"
passes="$root/tests/Golden/$assignment/PassesAll"
[ -f "$kit_json" ] || { echo "plot-case: no released kit at $root/skeleton/$assignment (run: autograder release $assignment)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/runs"
cp "$passes"/*.json "$work/runs/" && rm -f "$work/runs/expected.json"
find "$case_dir" -maxdepth 1 -name '*.json' ! -name expected.json -exec cp {} "$work/runs/" \;

cli=(dotnet run -c Debug --project "$root/grader/Autograder.Cli" --)
# The kit's plot commands: `dotnet run --project tools/Run -- plot <logs> [--loss] [--against batch_size [--time]] --out runs/<file>`.
grep -o '"command": *"dotnet run --project tools/Run -- plot [^"]*"' "$kit_json" | sed 's/.*-- plot //; s/"$//' | while read -r line; do
  args=$(printf '%s' "$line" | sed 's/--loss/--metric loss/; s/--time/--metric time/; s/--out/-o/')
  file=$(printf '%s' "$line" | sed 's/.*--out runs\///')
  (cd "$work" && "${cli[@]}" plot $args >/dev/null)
  if cmp -s "$work/runs/$file" "$passes/$file"; then
    rm -f "$case_dir/$file"
  else
    cp "$work/runs/$file" "$case_dir/$file"
    echo "plot-case: wrote $case_dir/$file"
  fi
done
