#!/usr/bin/env bash
# Writes a stored case's training log the way its student would have: the released kit, the case's source files in it
# (over the reference's for every assignment file the case does not change, none for files it lists as "absent"), then
# the kit's own train command. The log is written into the case folder, where it replaces the PassesAll log the case
# would otherwise borrow. A log item that re-runs the student's code (rubric `replay:`) grades such a log as it would
# grade a real student's.
#
# usage: tests/tools/train-case-log.sh <assignment> <case folder> <experiment file in the kit's experiments/>...
#   e.g. tests/tools/train-case-log.sh hw3-fashion-mlp tests/Overlays/hw3-fashion-mlp/PassesLoops mlp_lr0.01_b5.yaml
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
assignment=$1
case_dir=$(cd "$2" && pwd)
shift 2
[ $# -gt 0 ] || { echo "train-case-log: name at least one experiment file of skeleton/$assignment/experiments" >&2; exit 2; }
kit="$root/skeleton/$assignment"
[ -d "$kit" ] || { echo "train-case-log: no released kit at $kit (run: autograder release $assignment)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$kit/." "$work/"
rm -rf "$work/runs"

absent=""
[ -f "$case_dir/expected.json" ] && absent=$(tr -d '\n' < "$case_dir/expected.json" | sed -n 's/.*"absent"[[:space:]]*:[[:space:]]*\[\([^]]*\)\].*/\1/p')
kit_case=$(tr -d '\n' < "${case_dir}/expected.json" 2>/dev/null | grep -c '"kit"[[:space:]]*:[[:space:]]*true' || true)

# The assignment's files: every kit library source that differs from the reference (its TODO stubs).
if [ "$kit_case" = "0" ]; then
  (cd "$work/NeuralNet" && find . -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*') | while read -r rel; do
    rel=${rel#./}
    ref="$root/reference/NeuralNet/$rel"
    if [ -f "$ref" ] && ! cmp -s "$ref" "$work/NeuralNet/$rel" && ! printf '%s' "$absent" | grep -q "\"$rel\""; then
      cp "$ref" "$work/NeuralNet/$rel"
    fi
  done
fi

(cd "$case_dir" && find . -name '*.cs') | while read -r rel; do
  rel=${rel#./}
  mkdir -p "$(dirname "$work/NeuralNet/$rel")"
  cp "$case_dir/$rel" "$work/NeuralNet/$rel"
done

cd "$work"
for experiment in "$@"; do
  dotnet run --project tools/Run -- train "experiments/$experiment"
done

for log in runs/*.json; do
  cp "$log" "$case_dir/"
  echo "train-case-log: wrote $case_dir/$(basename "$log")"
done
