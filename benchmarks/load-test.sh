#!/usr/bin/env bash
# The end-to-end load test: starts otelgw.jar (and the bare gRPC relay) as their own processes,
# drives them over 127.0.0.1 with OTLP/gRPC and OTLP/HTTP at 10k and 100k spans/s and at the
# maximum rate, and writes benchmarks/results/loadtest-<time>.{jsonl,md,log}.
#
#   benchmarks/load-test.sh                       # every scenario once (~20 minutes)
#   benchmarks/load-test.sh --repeat 3            # three times, medians and spreads
#   benchmarks/load-test.sh --only 'limiter-batch grpc'   # scenarios whose name matches
#   benchmarks/load-test.sh --warmup 30s --duration 15s --jvm-flags "-Xmx256m"
#
# Each run warms up for 30 s at its own rate before the 15 s window is measured: on two cores
# the JVM's compilers are busy for that long, and a shorter warm-up measures them, not otelgw
# (limiter-batch over gRPC at the maximum rate: ~85,000 spans per CPU-second after 10 s,
# ~198,000 after 40 s, in one session).
#
# otelgw runs as a user would start it: `bin/otelgw --config FILE`, the launcher's JVM settings
# (a 256 MiB heap, the parallel collector); --jvm-flags are added after them, and win. Build
# first: mvn -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."

otelgw_jar=gateway-app/target/otelgw.jar
bench_jar=benchmarks/target/benchmarks.jar
for jar in "$otelgw_jar" "$bench_jar"; do
  if [[ ! -f $jar ]]; then
    echo "missing $jar: build with  mvn -q install -DskipTests" >&2
    exit 2
  fi
done
if [[ $(getconf CLK_TCK) != 100 ]]; then
  echo "CLK_TCK is $(getconf CLK_TCK), the load test assumes 100" >&2
  exit 2
fi

java -version 2>&1 | sed 's/^/# /'
echo "# $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
# The generator and the sink share this JVM; a fixed heap keeps its own GC out of the way.
exec java -Xms512m -Xmx1g -XX:+UseParallelGC -cp "$bench_jar" otelgw.benchmarks.load.LoadTest \
  --otelgw-jar "$otelgw_jar" --configs benchmarks/configs --out benchmarks/results "$@"
