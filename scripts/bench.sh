#!/usr/bin/env bash
# Scale benchmark (issue #8): writes the synthetic S, M and L snapshots, then per size and run
#  - StageRun: the pipeline in one JVM, each stage's wall time and the peak RSS after it;
#  - the CLI as users run it (./keagen generate ... -o FILE), wall time and peak RSS from outside,
#    first with no output file, then again with its own output in place (what a pre-commit hook or
#    an Ansible re-run does: the existing file is read for subnet ids and the removal guard);
#  - kea-dhcp4 -t on the config written, the yardstick (Kea 2.2 from Debian, so --kea-version 2.2).
# Prints a Markdown table of the medians (also in benchmarks/target/benchmarks.md).
#   scripts/bench.sh [RUNS (default 3)] [SIZES (default "S M L")]
# Needs: Java 17, Maven, GNU time (/usr/bin/time), kea-dhcp4 (scripts/install-kea.sh) for the ratio.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
runs=${1:-3}
sizes=${2:-S M L}
work=${KEAGEN_BENCH_DIR:-/var/tmp/keagen-bench}
mkdir -p "$work"
[[ -x /usr/bin/time ]] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 1; }
kea=$(command -v kea-dhcp4 || true)

mvn -q -B -DskipTests install -pl benchmarks,cli -am 2>&1 | sed $'s/\e\\[0m//g' >&2
cp=$(mvn -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null | sed $'s/\e\\[0m//g')
cp="$PWD/benchmarks/target/classes:$cp"
./keagen --version >/dev/null # builds the launcher's class-data archive
# the launcher's JVM flags (./keagen), so that StageRun measures what the CLI runs
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -Xmx800m -Xms800m)

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
declare -A result
for size in $sizes; do
  snapshot="$work/$size.json"
  [[ -s "$snapshot" ]] || java -cp "$cp" org.keagen.bench.GenerateSnapshot "$size" "$snapshot"
  # the medians below read every run's file: an earlier call's extra runs must not count
  rm -f "$work/$size".stages.*.tsv "$work/$size".{cli,rerun,kea}.*.time
  for ((run = 1; run <= runs; run++)); do
    java "${jvm[@]}" -cp "$cp" org.keagen.bench.StageRun "$snapshot" "$work/$size.stages.conf" 2.2 \
      >"$work/$size.stages.$run.tsv"
    rm -f "$work/$size.conf"
    /usr/bin/time -f "%e %M" -o "$work/$size.cli.$run.time" \
      ./keagen generate --snapshot "$snapshot" --kea-version 2.2 -o "$work/$size.conf" 2>"$work/$size.cli.log"
    cmp -s "$work/$size.conf" "$work/$size.stages.conf" \
      || { echo "bench: the CLI and StageRun wrote different configs for $size" >&2; exit 1; }
    /usr/bin/time -f "%e %M" -o "$work/$size.rerun.$run.time" \
      ./keagen generate --snapshot "$snapshot" --kea-version 2.2 -o "$work/$size.conf" 2>"$work/$size.rerun.log" \
      || { echo "bench: the re-run failed for $size:" >&2; cat "$work/$size.rerun.log" >&2; exit 1; }
    if [[ -n "$kea" ]]; then
      /usr/bin/time -f "%e %M" -o "$work/$size.kea.$run.time" "$kea" -t "$work/$size.conf" >/dev/null 2>&1 \
        || { echo "bench: kea-dhcp4 -t refused $work/$size.conf" >&2; exit 1; }
    fi
  done
  for stage in parse resolve render validate write total; do
    result[$size.$stage]=$(cat "$work/$size".stages.*.tsv | awk -v s=$stage '$1 == s {print $2 / 1000}' | median)
  done
  result[$size.stagesrss]=$(cat "$work/$size".stages.*.tsv | awk '$1 == "total" {print $6 / 1024}' | median)
  result[$size.cli]=$(cat "$work/$size".cli.*.time | awk '{print $1}' | median)
  result[$size.clirss]=$(cat "$work/$size".cli.*.time | awk '{print $2 / 1024}' | median)
  result[$size.rerun]=$(cat "$work/$size".rerun.*.time | awk '{print $1}' | median)
  result[$size.rerunrss]=$(cat "$work/$size".rerun.*.time | awk '{print $2 / 1024}' | median)
  result[$size.kea]=$( [[ -n "$kea" ]] && cat "$work/$size".kea.*.time | awk '{print $1}' | median || echo -)
  result[$size.kearss]=$( [[ -n "$kea" ]] && cat "$work/$size".kea.*.time | awk '{print $2 / 1024}' | median || echo -)
  result[$size.shape]=$(awk '/^# / {print $2, $3, $4}' "$work/$size.stages.1.tsv")
  result[$size.bytes]=$(stat -c %s "$work/$size.conf")
done

{
  echo "| size | parse | resolve | render | validate | write | stages total | stages peak RSS | CLI wall | CLI peak RSS | CLI re-run | re-run peak RSS | kea-dhcp4 -t | kea peak RSS | keagen / kea |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for size in $sizes; do
    ratio=-
    [[ ${result[$size.kea]} != - ]] && ratio=$(awk -v a="${result[$size.cli]}" -v b="${result[$size.kea]}" 'BEGIN {printf "%.2f", a / b}')
    printf '| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.0f MiB | %.2f s | %.0f MiB | %.2f s | %.0f MiB | %s s | %s MiB | %s |\n' \
      "$size" "${result[$size.parse]}" "${result[$size.resolve]}" "${result[$size.render]}" "${result[$size.validate]}" \
      "${result[$size.write]}" "${result[$size.total]}" "${result[$size.stagesrss]}" "${result[$size.cli]}" \
      "${result[$size.clirss]}" "${result[$size.rerun]}" "${result[$size.rerunrss]}" "${result[$size.kea]}" \
      "${result[$size.kearss]%.*}" "$ratio"
  done
  echo
  for size in $sizes; do
    echo "- $size: ${result[$size.shape]} bytes=${result[$size.bytes]}"
  done
  echo "- medians of $runs runs; $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
    "$(java -version 2>&1 | head -1); kea-dhcp4 $([[ -n "$kea" ]] && "$kea" -V | head -1 || echo 'not installed')"
} | tee benchmarks/target/benchmarks.md
