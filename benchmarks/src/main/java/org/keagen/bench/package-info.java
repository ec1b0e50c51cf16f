/**
 * Scale benchmarks: a deterministic synthetic source of truth ({@link org.keagen.bench.SyntheticFabric})
 * that writes snapshots of any size, the pipeline split into its timed stages ({@link
 * org.keagen.bench.Stages}), a whole-process runner that reports each stage's wall time and the
 * process's peak RSS ({@link org.keagen.bench.StageRun}), and JMH benchmarks of the core stages.
 * {@code scripts/bench.sh} runs them at S, M and L next to {@code kea-dhcp4 -t}.
 */
package org.keagen.bench;
