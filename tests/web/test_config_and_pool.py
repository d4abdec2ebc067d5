"""The web config (located errors, the host rule), the command line, and the worker pool's
time limit. No server is started here."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import shutil
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
import slow_jobs
from click.testing import CliRunner
from conftest import ROOT
from web_load import Server

from pdfbuilder.cli.commands import main
from pdfbuilder.errors import HandoutError
from pdfbuilder.web.config import check_host, load_config
from pdfbuilder.web.pool import WORKER_GC_THRESHOLDS, Busy, TooSlow, WorkerLost, WorkerPool


def _config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "handouts").mkdir(exist_ok=True)
    path = tmp_path / "web.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("handouts: [handouts]\npaper: a3\n", "web.yaml:2:8: paper: expected one of a4, letter"),
        (
            "handouts: [handouts]\nlayuots: [standard]\n",
            'web.yaml:2:1: layuots: unknown field; did you mean "layouts"?',
        ),
        ("handouts: [nowhere]\n", "web.yaml:1:12: handouts[0]: this folder does not exist"),
        (
            "handouts: [handouts]\naccess_token: short\n",
            "web.yaml:2:15: access_token: the access code must be at least 16",
        ),
        (
            "handouts: [handouts]\nbuild_seconds: 0\n",
            "web.yaml:2:16: build_seconds: must be at least 1",
        ),
        (
            "handouts: [handouts]\nhandouts: [x]\n",
            'web.yaml:2:1: handouts: duplicate key "handouts"',
        ),
    ],
)
def test_config_errors_are_one_located_line(tmp_path: Path, text: str, expected: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(HandoutError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(
        str(tmp_path / expected.split(":", 1)[0]) + ":" + expected.split(":", 1)[1]
    )
    assert "\n" not in message


def test_paths_are_relative_to_the_config_and_the_token_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "code").write_text("a-long-enough-access-code\n", encoding="utf-8")
    path = _config(tmp_path, "handouts: [handouts]\naccess_token_file: code\n")
    config = load_config(path)
    assert config.handouts == (str(tmp_path / "handouts"),)
    assert config.token == "a-long-enough-access-code"
    assert "a-long-enough" not in repr(config)


def test_only_127_0_0_1_without_an_access_code(tmp_path: Path) -> None:
    open_config = load_config(_config(tmp_path, "handouts: [handouts]\n"))
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        check_host(open_config, host)
    for host in ("0.0.0.0", "192.0.2.10", "::", "clinic-pc"):
        with pytest.raises(HandoutError, match="set access_token_file"):
            check_host(open_config, host)
    text = "handouts: [handouts]\naccess_token: a-long-enough-access-code\n"
    locked = load_config(_config(tmp_path, text))
    check_host(locked, "192.0.2.10")
    with pytest.raises(HandoutError, match="allowed_hosts"):
        check_host(locked, "0.0.0.0")


def test_serve_refuses_a_network_host_without_a_code_in_one_line(tmp_path: Path) -> None:
    path = _config(tmp_path, "handouts: [handouts]\n")
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--config", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: --host: serving on 0.0.0.0 lets other computers reach the page; set "
        "access_token_file in the config first (see docs/web.md), or serve on 127.0.0.1"
    ]
    result = CliRunner().invoke(main, ["serve", "--config", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1 and "file not found" in result.output


def test_serve_defaults_to_127_0_0_1_and_port_8000() -> None:
    command = main.get_command(None, "serve")  # type: ignore[arg-type]
    assert command is not None
    defaults = {p.name: p.default for p in command.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000


def test_a_job_past_the_time_limit_is_stopped_and_its_worker_replaced() -> None:
    async def run() -> None:
        pool = WorkerPool(1, slow_jobs.start, ("t",), slow_jobs.handle, timeout=1.0)
        await asyncio.to_thread(pool.start)
        try:
            first = await pool.run("a")
            with pytest.raises(TooSlow):
                await pool.run("hang")
            with pytest.raises(ProcessLookupError):
                os.kill(first[1], 0)  # the hung process was stopped by its id
            again = await pool.run("b")  # waits for the warm replacement
            assert again[0] == "b" and again[1] != first[1] and again[2] == "t"
            with pytest.raises(WorkerLost):
                await pool.run("die")
            assert (await pool.run("c"))[0] == "c"
        finally:
            pool.close()

    _in_thread(run)


def _in_thread(run: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a coroutine in a thread of its own: the browser tests' Playwright may hold this
    thread's event loop."""
    failures: list[BaseException] = []

    def in_thread() -> None:
        try:
            asyncio.run(run())
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join(timeout=120)
    if failures:
        raise failures[0]


def test_a_warm_worker_has_its_start_up_frozen_and_collects_between_jobs() -> None:
    async def run() -> None:
        pool = WorkerPool(1, slow_jobs.start, ("t",), slow_jobs.handle, timeout=30.0)
        await asyncio.to_thread(pool.start)
        try:
            thresholds, frozen, enabled, _ = await pool.run("gc")
            assert tuple(thresholds) == WORKER_GC_THRESHOLDS and frozen > 0 and enabled
            await pool.run("litter")  # 20,000 objects in cycles: under the threshold
            assert (await pool.run("gc"))[3] < 1_000  # collected after the job, not left
        finally:
            pool.close()

    _in_thread(run)


@pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="pinning needs Linux and two cores",
)
def test_pinned_workers_share_the_cores_out_and_a_replacement_takes_the_freed_one() -> None:
    cores = sorted(os.sched_getaffinity(0))

    async def run() -> None:
        pool = WorkerPool(3, slow_jobs.start, ("t",), slow_jobs.handle, timeout=1.0, pin=True)
        await asyncio.to_thread(pool.start)
        try:
            pinned = [tuple(await pool.run("cores")) for _ in range(12)]
            on = sorted({c for (c,) in pinned})  # each worker on one core of its own
            assert all(len(p) == 1 for p in pinned) and on == sorted(set(cores[:3]))
            counts = sorted(sum(1 for w in pool._workers if w.cpu == c) for c in cores)
            assert max(counts) - min(counts) <= 1  # shared out evenly
            lost = next(w for w in pool._workers if w.cpu == cores[0])
            lost.process.kill()
            with pytest.raises(WorkerLost):
                while True:  # until the job meets the killed worker
                    await pool.run("cores")
            for _ in range(100):  # the replacement starts in the background
                if pool.alive == 3:
                    break
                await asyncio.sleep(0.1)
            assert sorted(w.cpu for w in pool._workers) == sorted(
                [cores[i % len(cores)] for i in range(3)]
            )
        finally:
            pool.close()

    _in_thread(run)


def test_unpinned_workers_may_run_on_every_core() -> None:
    async def run() -> None:
        pool = WorkerPool(1, slow_jobs.start, ("t",), slow_jobs.handle, timeout=5.0)
        await asyncio.to_thread(pool.start)
        try:
            assert await pool.run("cores") == sorted(os.sched_getaffinity(0))
        finally:
            pool.close()

    _in_thread(run)


def test_a_full_queue_answers_busy_at_once() -> None:
    async def run() -> None:
        # A time limit long enough that, on a loaded machine, no job gives up waiting before
        # the queue is full: the answer is about a full queue, not about time.
        pool = WorkerPool(1, slow_jobs.start, ("t",), slow_jobs.handle, timeout=3.0)
        await asyncio.to_thread(pool.start)
        try:
            jobs = [asyncio.create_task(pool.run("hang"))]
            await asyncio.sleep(0.2)  # the first job has the worker; the rest must queue
            jobs += [asyncio.create_task(pool.run("hang")) for _ in range(pool.max_waiting)]
            await asyncio.sleep(0.2)
            with pytest.raises(Busy):
                await pool.run("one too many")
            results = await asyncio.gather(*jobs, return_exceptions=True)
            assert any(isinstance(r, TooSlow) for r in results)
        finally:
            pool.close()

    _in_thread(run)


def test_example_config_loads() -> None:
    config = load_config(ROOT / "examples" / "web.yaml")
    assert config.clinic == str(ROOT / "examples" / "clinic.yaml")
    check_host(config, "127.0.0.1")


def test_a_leaflet_that_cannot_be_built_is_logged_in_one_line_and_the_page_still_starts(
    tmp_path: Path,
) -> None:
    """One leaflet that cannot be made (here: a character no font has) must not take the
    page away from staff: the server starts, logs the located reason once, and staff who
    choose that leaflet get the reason next to the form."""
    folder = tmp_path / "handouts"
    folder.mkdir()
    text = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "minimal.yaml").write_text(text.replace("A heading", "A heading 漢"), "utf-8")
    shutil.copy(ROOT / "handouts" / "back-spasms.yaml", folder / "back-spasms.yaml")
    config = tmp_path / "web.yaml"
    config.write_text("handouts: [handouts]\nlayouts: [standard]\nworkers: 1\n", "utf-8")
    server = Server(config, tmp_path / "server.log")
    try:
        server.wait()
        status, _, _ = _request(server.port, "GET", "/?leaflet=back-spasms")
        assert status == 200
        body = json.dumps({"handout": "minimal"}).encode()
        status, _, answer = _request(
            server.port, "POST", "/api/leaflet", body, {"content-type": "application/json"}
        )
        log = server.log()
    finally:
        server.stop()
    assert "Traceback" not in log
    lines = [line.split(" ", 1)[-1] for line in log.splitlines()]  # after the time of day
    problems = [line for line in lines if line.startswith(str(folder / "minimal.yaml"))]
    assert len(problems) == 1, log
    assert "sections[0].heading" in problems[0] and "漢" in problems[0]
    assert problems[0].endswith("(so it is not offered in the standard layout)")
    assert status == 422 and "漢" in json.loads(answer)["errors"][0]["message"]


def _request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()
