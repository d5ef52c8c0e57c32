#!/bin/bash
# A student's edit-build-test loop in a starter kit: after one warm-up `dotnet test`, appends a comment to one
# library file and times `dotnet test` (restore, build, run the public tests), three times, printing each figure.
# usage: tools/bench/kit-edit-loop.sh <kit folder (a copy of skeleton/<id>)> <file to edit, relative to the kit>
set -eu
kit=$1
file=$2
cd "$kit"
dotnet test > /dev/null 2>&1 || true
for i in 1 2 3; do
  echo "// edit $i" >> "$file"
  start=$(date +%s.%N)
  dotnet test > /tmp/kit-edit-loop.out 2>&1 || true
  end=$(date +%s.%N)
  # xunit v3 on the testing platform prints "failed: N" and "succeeded: N" (older kits on VSTest: "Failed: N, Passed: N").
  echo "$kit run $i: $(echo "$end - $start" | bc) s ($(grep -oE '(failed|succeeded): +[0-9]+|Failed: +[0-9]+, Passed: +[0-9]+' /tmp/kit-edit-loop.out | tr '\n' ' '))"
done
