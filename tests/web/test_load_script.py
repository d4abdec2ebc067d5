"""bench/web_load.py's CPU accounting: it finds every build process and divides fairly.

(The load run itself is not timed in tests: see docs/performance.md.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest
from web_load import _cpu_seconds, _descendants, cpu_per_request, cpu_snapshot

SPIN_AND_FORK = """
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; end = time.process_time() + 0.3\\n"
                          "while time.process_time() < end: pass\\ntime.sleep(30)"])
print(child.pid, flush=True)
time.sleep(30)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc (Linux)")
def test_a_grandchild_is_found_and_its_cpu_time_counted() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", SPIN_AND_FORK], stdout=subprocess.PIPE, text=True
    )
    grandchild = 0
    try:
        assert parent.stdout is not None
        grandchild = int(parent.stdout.readline())
        assert grandchild in _descendants(os.getpid())  # this test -> parent -> grandchild
        assert grandchild in _descendants(parent.pid)
        end = time.monotonic() + 20
        while _cpu_seconds(grandchild) < 0.25 and time.monotonic() < end:
            time.sleep(0.05)
        assert _cpu_seconds(grandchild) >= 0.25
        assert cpu_snapshot(parent.pid)["builds"] >= 0.25
    finally:
        for pid in (grandchild, parent.pid):  # each stopped by its own id
            if pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        parent.wait(timeout=10)
        if parent.stdout is not None:
            parent.stdout.close()
    assert _cpu_seconds(parent.pid) == 0.0  # gone: nothing to count


def test_cpu_per_request_divides_by_requests_and_cores() -> None:
    before = {"server": 1.0, "builds": 10.0, "client": 0.5, "wall": 100.0}
    after = {"server": 1.5, "builds": 18.0, "client": 0.6, "wall": 105.0}
    used = cpu_per_request(before, after, 100)
    assert used["server"] == pytest.approx(5.0) and used["builds"] == pytest.approx(80.0)
    assert used["client"] == pytest.approx(1.0)
    assert used["busy"] == pytest.approx(86.0 / (50.0 * (os.cpu_count() or 1)))
    assert cpu_per_request({}, after, 100) == {}
