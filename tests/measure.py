"""Peak memory of a command, measured without the test process's own memory.

Linux keeps the high-water mark of resident memory across fork and exec: a child of
the (large) pytest process reports pytest's size as its own peak. A small Python
process in between forks the command from its own small image and reports the
command's peak alone.
"""

from __future__ import annotations

import json
import subprocess
import sys

_WRAPPER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
with process.stdout:
    stdout = process.stdout.read()
_, status, usage = os.wait4(process.pid, 0)
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "mb": usage.ru_maxrss / 1024,
                  "seconds": time.perf_counter() - started, "stdout": stdout.decode(errors="replace")}))
"""


def run_measured(command: list[str], timeout: float = 120) -> tuple[int, float, float, str]:
    """Exit code, peak resident memory (MB), seconds and stdout of `command`."""
    completed = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, timeout=timeout, check=True
    )
    result = json.loads(completed.stdout)
    return result["code"], result["mb"], result["seconds"], result["stdout"]
