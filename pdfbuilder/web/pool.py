"""A small pool of warm build processes, with a time limit per job.

In: a job (any picklable value) for ``handler``, a module-level function that runs in a
worker process after ``initializer`` has loaded and warmed it. Out: the handler's result, or
:class:`Busy` (every worker taken and too many waiting), :class:`TooSlow` (the time limit
passed: that worker is stopped by its process id and a fresh one started in its place) or
:class:`WorkerLost`.

Workers are started from a fork server that has imported the package once, so a replacement
starts in a fraction of a second, from a clean process (never forked from the server's own
threads). A worker ends by itself when the server's end of its pipe closes, so none
outlives the server.

Once warm, a worker freezes what start-up made (the catalogue, fonts, caches: about 200,000
objects) out of the garbage collector's reach, and collects what a job left behind after
the job's answer is sent, not in the middle of the next build: the default settings paused
a worker for a full collection of everything (0.4-1 s on a loaded machine) every few dozen
builds, and spent about a fifth of a preview's time in smaller collections; now each job
costs about 2 ms of collection, between jobs (docs/performance.md).

With ``pin``, each worker runs on a core of its own (Linux: ``sched_setaffinity``), the
cores shared out evenly, a replacement taking the core of the worker it replaces: a build
kept on one core keeps its caches warm (a modest gain in the load runs on a two-core machine,
docs/performance.md). Where pinning is not possible (another system, one core allowed) the
workers run unpinned.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger("handout.serve")

#: A worker's collector thresholds once warm (Python's default: 700, 10, 10): a safety net
#: for a job that leaves very many objects; the collections that matter run between jobs.
WORKER_GC_THRESHOLDS = (50_000, 20, 20)
#: Every this many jobs, the collection between jobs covers the oldest generation too.
FULL_COLLECTION_EVERY = 100


class PoolError(Exception):
    """A job that could not be run; ``str()`` says why, in words for staff.

    ``kind`` and ``detail``: for a worker that could not start, the name of the exception
    its initializer raised and its one-line text."""

    def __init__(self, message: str, kind: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.kind, self.detail = kind, detail


class Busy(PoolError):
    """Every worker is taken and the queue is full, or the wait was too long."""


class TooSlow(PoolError):
    """The job ran past its time limit."""


class WorkerLost(PoolError):
    """The worker ended while running the job."""


def _worker_main(
    conn: Connection,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    handler: Callable[[Any], Any],
) -> None:
    """A worker process: load and warm up, say ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:
        initializer(*initargs)
    except Exception as exc:  # reported to the server, which refuses to start
        conn.send(("failed", (type(exc).__name__, str(exc))))
        return
    gc.collect()
    gc.freeze()  # what start-up made lives as long as the process: never scan it again
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    conn.send(("ready", None))
    done = 0
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(handler(job))
        done += 1
        gc.collect(2 if done % FULL_COLLECTION_EVERY == 0 else 1)  # the answer is on its way


class _Worker:
    def __init__(
        self,
        process: multiprocessing.process.BaseProcess,
        conn: Connection,
        cpu: int | None = None,
    ) -> None:
        self.process, self.conn = process, conn
        self.cpu = cpu  # the core it is pinned to, or None

    def exchange(self, job: Any) -> Any:
        self.conn.send(job)
        return self.conn.recv()

    def stop(self) -> None:
        """Stop this worker by its process id and close the pipe."""
        pid = self.process.pid
        if pid is not None and self.process.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` warm worker processes running ``handler``; see the module docstring."""

    def __init__(
        self,
        size: int,
        initializer: Callable[..., None],
        initargs: tuple[Any, ...],
        handler: Callable[[Any], Any],
        *,
        timeout: float,
        preload: tuple[str, ...] = (),
        pin: bool = False,
    ) -> None:
        self.size, self.timeout, self.pin = size, timeout, pin
        self._target = (initializer, initargs, handler)
        methods = multiprocessing.get_all_start_methods()
        self._context: Any = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods else "spawn"
        )
        if preload and "forkserver" in methods:
            self._context.set_forkserver_preload(list(preload))
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._waiting = 0
        self.max_waiting = size * 8
        self._closed = False

    def _cores(self) -> list[int]:
        """The cores workers may be pinned to: those this process may use (none: unpinned)."""
        if not self.pin or not hasattr(os, "sched_setaffinity"):
            return []
        cores = sorted(os.sched_getaffinity(0))
        return cores if len(cores) > 1 else []

    def _free_core(self) -> int | None:
        """The allowed core with the fewest workers on it (the lowest such), or None."""
        cores = self._cores()
        if not cores:
            return None
        taken = [w.cpu for w in self._workers if w.process.is_alive()]
        return min(cores, key=lambda core: (taken.count(core), core))

    def _spawn(self) -> _Worker:
        """Start one worker and wait until it is warm (blocking: run in a thread)."""
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(theirs, *self._target), daemon=True
        )
        process.start()
        theirs.close()
        cpu = self._free_core()
        if cpu is not None and process.pid is not None:
            try:
                os.sched_setaffinity(process.pid, {cpu})
            except OSError:  # not allowed here (a container's policy): run it unpinned
                cpu = None
        worker = _Worker(process, ours, cpu)
        try:
            if not ours.poll(120):
                raise PoolError("a build process did not start within two minutes")
            state, detail = ours.recv()
        except (EOFError, OSError):
            state, detail = "failed", ("", "the process ended while starting")
        if state != "ready":
            worker.stop()
            kind, text = detail
            raise PoolError(f"a build process could not start: {kind}: {text}", kind, text)
        return worker

    def start(self) -> None:
        """Start every worker (blocking, before the server takes requests)."""
        for _ in range(self.size):  # one at a time: each takes the next free core
            self._workers.append(self._spawn())

    def first(self) -> _Worker:
        """A started worker, for start-up jobs run before the event loop (thumbnails)."""
        return self._workers[0]

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        return self._idle

    async def run(self, job: Any) -> Any:
        """Run ``job`` on an idle worker within the time limit."""
        idle = self._queue()
        if self._waiting >= self.max_waiting:
            raise Busy("many leaflets are being made at once; try again in a moment")
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(idle.get(), self.timeout * 2)
        except TimeoutError:
            raise Busy("many leaflets are being made at once; try again in a moment") from None
        finally:
            self._waiting -= 1
        try:
            result = await asyncio.wait_for(asyncio.to_thread(worker.exchange, job), self.timeout)
        except TimeoutError:
            log.warning("a build ran past %.0f s; its process was stopped", self.timeout)
            self._replace(worker)
            raise TooSlow(
                f"making the leaflet took longer than {self.timeout:.0f} seconds"
            ) from None
        except (EOFError, OSError):
            log.warning("a build process ended unexpectedly; starting another")
            self._replace(worker)
            raise WorkerLost("the leaflet could not be made; try again") from None
        idle.put_nowait(worker)
        return result

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self._workers.remove(worker)
        if not self._closed:
            asyncio.get_running_loop().create_task(self._add())

    async def _add(self) -> None:
        try:
            worker = await asyncio.to_thread(self._spawn)
        except PoolError as exc:
            log.error("%s", exc)
            return
        if self._closed:
            worker.stop()
            return
        self._workers.append(worker)
        self._queue().put_nowait(worker)

    @property
    def alive(self) -> int:
        return sum(1 for w in self._workers if w.process.is_alive())

    def close(self) -> None:
        """Stop every worker by its process id."""
        self._closed = True
        for worker in self._workers:
            worker.stop()
        self._workers = []
