#!/usr/bin/env bash
# Builds the libFuzzer executables (address sanitizer on) into .build/fuzz/: the harness is
# compiled as one module with the HTTPServer sources so that internal types are reachable.
#   Tests/fuzz/build.sh            → .build/fuzz/request-parser and .build/fuzz/multipart
set -euo pipefail
cd "$(dirname "$0")/../.."
swiftc=${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}
clang=${CLANG:-$(dirname "$swiftc")/clang}
out=.build/fuzz
mkdir -p "$out/include"

# CSystemShims is a C target: give swiftc a module map for its header and link its object.
cat >"$out/include/module.modulemap" <<MAP
module CSystemShims {
    header "$PWD/Sources/CSystemShims/include/CSystemShims.h"
    export *
}
MAP
"$clang" -c -O1 -I Sources/CSystemShims/include Sources/CSystemShims/shims.c -o "$out/shims.o"

for harness in request-parser:RequestParserFuzz multipart:MultipartFuzz; do
    name=${harness%%:*}
    source=Tests/fuzz/${harness#*:}.swift
    if [ "$out/$name" -nt "$source" ] && [ -z "$(find Sources/HTTPServer -newer "$out/$name" -name '*.swift')" ]; then
        continue
    fi
    # ld.gold warns about every sanitizer symbol it cannot export; those lines are noise.
    "$swiftc" -sanitize=fuzzer,address -parse-as-library -Onone -g -module-name HTTPServerFuzz \
        -I "$out/include" Sources/HTTPServer/*.swift "$source" "$out/shims.o" -o "$out/$name" \
        2> >(grep -v "Cannot export local symbol" >&2)
done
