#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer, one target at a time for a bounded time each:
#   scripts/fuzz.sh                 the three main targets, 60 s each
#   scripts/fuzz.sh 30s             the three main targets, 30 s each
#   scripts/fuzz.sh 60s all         every fuzz target (five), 60 s each
# A normal 'mvn verify' only replays each target's seed and crash inputs. When fuzzing finds a
# crash, Jazzer writes the input under fuzz/src/test/resources/org/keagen/fuzz/<Class>Inputs/<method>/
# (so it is replayed from then on) and this script exits non-zero.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
duration=${1:-60s}
main=(
  "SnapshotReaderFuzzTest#snapshotBytesGiveDiagnosticsOrAConfig"
  "TemplateSandboxFuzzTest#rendersWithinTheCapsOrRefuses"
  "OptionValuesFuzzTest#anyValueGetsAnAnswer"
)
extra=(
  "SnapshotReaderFuzzTest#existingOutputBytesGiveDiagnosticsOrSubnetIds"
  "OptionValuesFuzzTest#identifiersAreCanonicalOrRefused"
)
targets=("${main[@]}")
if [[ ${2:-} == all ]]; then
  targets+=("${extra[@]}")
fi
failed=0
for target in "${targets[@]}"; do
  echo "fuzz: $target for $duration"
  log=$(mktemp)
  if JAZZER_FUZZ=1 mvn -B test -pl generator-core,fuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="$duration" >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs' "$log" | sed "s|^|fuzz: $target: |" || true
  else
    failed=1
    grep -E '^Done [0-9]+ runs|== Java Exception|FuzzTestFindingException|crash-|Caused by' "$log" | head -20 \
      | sed "s|^|fuzz: $target: |" || true
    echo "fuzz: $target FOUND A PROBLEM; full log in $log" >&2
    continue
  fi
  rm -f "$log"
done
exit $failed
