/**
 * JMH benchmarks of the core stages (parse snapshot, resolve, render, validate, write) on synthetic
 * fabrics; run them with {@code scripts/bench.sh --jmh}, never as part of the test run.
 */
package org.keagen.bench.jmh;
