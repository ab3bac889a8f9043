#!/usr/bin/env bash
# Usage: scripts/screenshot.sh out.png [DemoApp args...]   (needs xvfb-run and imagemagick)
# Runs the real main window under Xvfb at 1280x720 and grabs the screen once it is laid out.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; shift
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
xvfb-run -a -s "-screen 0 1280x720x24" bash -c '
  java -Dprism.order=sw -cp "$0" org.unroll.ui.demo.DemoLauncher "${@:2}" > /tmp/demo-$$.log 2>&1 &
  pid=$!
  for i in $(seq 1 120); do grep -q READY /tmp/demo-$$.log && break; sleep 0.5; done
  sleep 1
  import -window root "$1"
  kill $pid; wait $pid 2>/dev/null || true
  grep -v "^WARNING" /tmp/demo-$$.log | head -20
' "$CP" "$out" "$@"
