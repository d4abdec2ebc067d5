"""Jobs for the worker-pool tests, importable by the pool's worker processes."""

from __future__ import annotations

import gc
import os
import time
from typing import Any

_started: dict[str, Any] = {}


def start(tag: str) -> None:
    _started["tag"] = tag


def handle(job: Any) -> Any:
    if job == "hang":
        time.sleep(60)
    if job == "die":
        os._exit(3)
    if job == "gc":  # what the collector is set to in a warm worker
        return (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled(), gc.get_count()[0])
    if job == "cores":  # the cores this worker may run on
        return sorted(os.sched_getaffinity(0))
    if job == "litter":  # 20,000 objects in cycles, garbage once the job returns
        for _ in range(10_000):
            a: list[Any] = []
            a.append([a])
    return (job, os.getpid(), _started["tag"])
