#!/bin/sh
# Measures the file watcher (Sources/TrellisBuild/Watch): the CPU time of polling a tree, the time
# start() takes, and the latency from a write to the callback with inotify and with polling.
# Usage: scripts/bench-watch.sh [TREE]   (default /work/synth10k/content; only read, the latency
# runs write to a copy in a temporary folder)
# Compiles the watcher's sources optimized together with scripts/bench-watch.swift (and the one
# file of TrellisCore they use), so it needs no release build of the whole package.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -parse-as-library -emit-library -static -module-name TrellisCore -emit-module \
    -emit-module-path "$out/TrellisCore.swiftmodule" -o "$out/libTrellisCore.a" Sources/TrellisCore/Locked.swift
cp scripts/bench-watch.swift "$out/main.swift"
swiftc -O -module-name WatchBench -I "$out" -L "$out" -lTrellisCore \
    Sources/TrellisBuild/Watch/*.swift "$out/main.swift" -o "$out/bench-watch"
"$out/bench-watch" "$@"
