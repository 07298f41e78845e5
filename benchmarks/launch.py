"""Run a command and report its wall time and peak RSS as JSON: ``python -m benchmarks.launch CMD...``.

Why a separate small process: on Linux a child's ``ru_maxrss`` starts from the memory of
the process that spawned it (the high-water mark survives exec), so a benchmark that has
a 10,000-article store loaded would report its own size for every command it runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss_mb = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    print(json.dumps({"wall_s": wall, "rss_mb": rss_mb, "status": os.waitstatus_to_exitcode(status), "stderr": err[-2000:]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
