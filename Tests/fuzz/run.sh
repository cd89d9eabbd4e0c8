#!/usr/bin/env bash
# Runs each libFuzzer harness for the given number of seconds (default 30).
#   Tests/fuzz/run.sh 30     bounded pass, part of make test
#   Tests/fuzz/run.sh 600    make fuzz
# New interesting inputs accumulate in .build/fuzz/corpus-<name> (the seeds in
# Tests/fuzz/corpus/ are only read); a crash leaves its input in .build/fuzz/artifacts/ and
# fails the run — turn it into a regression test in Tests/HTTPServerTests, then fix it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
Tests/fuzz/build.sh
mkdir -p .build/fuzz/artifacts
for pair in request-parser:request multipart:multipart; do
    name=${pair%%:*}
    seeds=Tests/fuzz/corpus/${pair#*:}
    mkdir -p ".build/fuzz/corpus-$name"
    echo "fuzz: $name pendant ${seconds} s"
    # -timeout: one input taking over 10 s is a hang (reported like a crash).
    if ! ".build/fuzz/$name" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix=.build/fuzz/artifacts/"$name"- \
        ".build/fuzz/corpus-$name" "$seeds" >".build/fuzz/$name.log" 2>&1; then
        tail -n 40 ".build/fuzz/$name.log" >&2
        echo "fuzz: $name a trouvé une entrée fautive (voir .build/fuzz/artifacts/)" >&2
        exit 1
    fi
    grep -E "stat::number_of_executed_units|cov:" ".build/fuzz/$name.log" | tail -n 2
done
