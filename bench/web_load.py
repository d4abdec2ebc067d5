"""The clinic web page under load: p95 response times with four concurrent users.

Run from the project root::

    .venv/bin/python bench/web_load.py              # 4 users x 60 requests of each kind
    .venv/bin/python bench/web_load.py --users 4 --requests 30 --json

It starts ``handout serve`` on 127.0.0.1 on a free port (two build processes, the example
clinic profile), waits until it is warm, then runs two phases, each with ``--users`` threads
that post back to back, with no pause, a bounded number of requests each:

- preview: ``POST /preview`` (the live preview: the form's fields, pages back as PNG), as
  the page posts it: with the ids of the pages this user was last sent, so that only the
  pages that changed are drawn again (here two of five: the first, with the patient's
  name, and the one whose exercise dose changes from request to request);
- pdf: ``POST /api/leaflet`` (the PDF of the back-spasm leaflet).

Each request carries a different made-up patient, a note, dates and three exercises with
doses. The server is stopped by its process id at the end. Targets on a 2-core machine:
p95 under 150 ms for a preview and under 100 ms for a PDF. Only 127.0.0.1 is ever contacted.

For each phase it also reports the CPU time used per request by the server process, by its
build processes and by this script itself (from ``/proc``, on Linux), and what share of the
machine's cores the run kept busy: where the time goes when p95 is more than twice the
baseline.

Beside it, in the same run, the baseline: the same work done directly in this process, one
request at a time (a warm build worker's job, without HTTP, queueing or other users), so a
busy machine shows in both. With four users on two build processes a request waits for
about one other, so p95 near twice the baseline is as good as it gets.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TARGETS = {"preview": 150.0, "pdf": 100.0}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 just now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def write_config(folder: Path, **extra: Any) -> Path:
    """A web config offering the project's handouts and the example clinic."""
    lines = [
        f"handouts: [{json.dumps(str(ROOT / 'handouts'))}]",
        f"clinic: {json.dumps(str(ROOT / 'examples' / 'clinic.yaml'))}",
    ]
    lines += [f"{key}: {json.dumps(value)}" for key, value in extra.items()]
    path = folder / "web.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Server:
    """``handout serve`` in a child process on 127.0.0.1; its log goes to ``log_file``."""

    def __init__(
        self,
        config: Path,
        log_file: Path,
        env: dict[str, str] | None = None,
        default_host: bool = False,
    ) -> None:
        self.port = free_port()
        self.log_file = log_file
        self.url = f"http://{HOST}:{self.port}"
        command = [sys.executable, "-m", "pdfbuilder", "serve"]
        command += [] if default_host else ["--host", HOST]  # the default is 127.0.0.1
        command += ["--port", str(self.port), "--config", str(config)]
        self.command = command
        self._log = log_file.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
        )

    def wait(self, seconds: float = 90.0) -> None:
        """Until the page answers (or the process ends: then its log says why)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError("the server ended: " + self.log()[-2000:])
            try:
                with socket.create_connection((HOST, self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start: " + self.log()[-2000:])

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server by its process id (it stops its build processes)."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self._log.close()


def form_session(port: int) -> tuple[str, str]:
    """(cookie header, CSRF token) from a first visit to the page."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", "/?leaflet=back-spasms")
    response = connection.getresponse()
    html = response.read().decode("utf-8")
    cookie = response.getheader("set-cookie", "").split(";", 1)[0]
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    connection.close()
    if not found or not cookie:
        raise RuntimeError("the page gave no CSRF token")
    return cookie, found.group(1)


def patient(n: int) -> dict[str, Any]:
    """Made-up details for request ``n``."""
    return {
        "patient": f"Test Patient {n}",
        "clinician": "Sam Patel, Physiotherapist",
        "date": "2026-03-02",
        "follow_up": "2026-03-16",
        "note": f"Walk for {5 + n % 10} minutes twice a day.",
    }


def _preview_body(n: int, token: str, held: str = "") -> bytes:
    fields = {"csrf_token": token, "handout": "back-spasms", "layout": "standard"}
    fields |= {"paper": "a4", "language": "en", "exercises_listed": "1", "qr": "on"}
    fields["page_ids"] = held
    pairs = list(fields.items()) + list(patient(n).items())
    pairs += [("exercises", e) for e in ("knee-to-chest", "bridge", "cat-cow")]
    pairs += [("reps.knee-to-chest", str(5 + n % 10)), ("times_per_day.bridge", "2")]
    return urllib.parse.urlencode(pairs).encode()


def _pdf_body(n: int) -> bytes:
    data = {"handout": "back-spasms", "layout": "standard", "paper": "a4", **patient(n)}
    data["exercises"] = f"knee-to-chest:reps={5 + n % 10},per-day=2; bridge; cat-cow:hold=10"
    return json.dumps(data).encode()


def _user(port: int, kind: str, count: int, offset: int, session: tuple[str, str]) -> list[float]:
    cookie, token = session
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    times = []
    held = ""  # the ids of the preview pages this user was last sent, as the page keeps them
    for i in range(count):
        n = offset + i
        if kind == "preview":
            path, body = "/preview", _preview_body(n, token, held)
            headers = {"content-type": "application/x-www-form-urlencoded"}
            headers |= {"x-csrf-token": token, "cookie": cookie}
        else:
            path, body = "/api/leaflet", _pdf_body(n)
            headers = {"content-type": "application/json"}
        start = time.perf_counter()
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        payload = response.read()
        times.append((time.perf_counter() - start) * 1000)
        expected = b'{"pages":[' if kind == "preview" else b"%PDF-"
        if response.status != 200 or not payload.startswith(expected):
            raise RuntimeError(f"{kind} request {n}: status {response.status}")
        if kind == "preview":
            held = _ids(payload)
    connection.close()
    return times


def _ids(payload: bytes) -> str:
    """The page ids of a preview answer, as the page sends them back."""
    at = payload.rfind(b'"ids":[')
    if at < 0:
        raise RuntimeError("a preview answer without page ids")
    found = payload[at + 7 : payload.index(b"]", at)].decode("ascii")
    return " ".join(part.strip('"') for part in found.split(",") if part)


def run_phase(
    server: Server, kind: str, users: int, requests: int
) -> tuple[list[float], dict[str, float]]:
    """Every response time (ms) of ``users`` threads posting ``requests`` each, and the CPU
    time per request (:func:`cpu_per_request`)."""
    port = server.port
    session = form_session(port)
    _user(port, kind, 2, 10_000, session)  # the connection and the workers, once more warm
    results: list[list[float]] = [[] for _ in range(users)]
    before = cpu_snapshot(server.process.pid)

    def one(u: int) -> None:
        results[u] = _user(port, kind, requests, u * requests, session)

    threads = [threading.Thread(target=one, args=(u,)) for u in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    cpu = cpu_per_request(before, cpu_snapshot(server.process.pid), users * requests)
    times = [t for user in results for t in user]
    if len(times) != users * requests:
        raise RuntimeError(f"{kind}: {len(times)} of {users * requests} requests answered")
    return times, cpu


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (the fork server and the build processes)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def cpu_snapshot(server_pid: int) -> dict[str, float]:
    """CPU seconds so far: the server process, its build processes, this script, the clock."""
    if not Path("/proc/self/stat").exists():
        return {}
    return {
        "server": _cpu_seconds(server_pid),
        "builds": sum(_cpu_seconds(p) for p in _descendants(server_pid)),
        "client": time.process_time(),
        "wall": time.perf_counter(),
    }


def cpu_per_request(before: dict[str, float], after: dict[str, float], n: int) -> dict[str, float]:
    """ms of CPU per request for each part, and the share of all cores busy with them."""
    if not before:
        return {}
    used = {k: (after[k] - before[k]) * 1000 / n for k in ("server", "builds", "client")}
    wall = (after["wall"] - before["wall"]) * 1000 / n
    used["busy"] = sum(used.values()) / (wall * (os.cpu_count() or 1))
    return used


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def baseline(config: Path, kind: str, count: int = 30) -> float:
    """Median ms of one warm worker job of ``kind``, run here, one at a time."""
    from pdfbuilder.web import worker
    from pdfbuilder.web.catalogue import load_catalogue
    from pdfbuilder.web.config import load_config
    from pdfbuilder.web.forms import check, from_json

    settings = load_config(config)
    worker.start(settings)
    catalogue = load_catalogue(settings)
    times = []
    held: tuple[str, ...] = ()
    for n in range(count + 3):
        request, errors = check(from_json(json.loads(_pdf_body(n)))[0], catalogue)
        assert request is not None, errors
        job = (kind, (request, held) if kind == "preview" else request)
        start = time.perf_counter()
        result = worker.handle(job)
        times.append((time.perf_counter() - start) * 1000)
        assert result[0] == kind
        if kind == "preview":
            held = tuple(result[1][1])
    return statistics.median(times[3:])


def measure(users: int, requests: int) -> dict[str, dict[str, float]]:
    """Start a server, run both phases, stop it; p50, p95, max and baseline per kind (ms)."""
    with tempfile.TemporaryDirectory() as folder:
        config = write_config(Path(folder), workers=2)
        server = Server(config, Path(folder) / "server.log")
        try:
            server.wait()
            out = {}
            for kind in ("preview", "pdf"):
                times, cpu = run_phase(server, kind, users, requests)
                out[kind] = {
                    "p50": statistics.median(times),
                    "p95": p95(times),
                    "max": max(times),
                    "n": float(len(times)),
                    **{"cpu_" + k: v for k, v in cpu.items()},
                }
        finally:
            server.stop()
        for kind in out:
            out[kind]["baseline"] = baseline(config, kind)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--requests", type=int, default=60, help="per user and kind (max 500)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = measure(max(1, min(args.users, 16)), max(5, min(args.requests, 500)))
    if args.json:
        print(json.dumps(results))
        return
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.users} concurrent users, {os.cpu_count()} cores, load average {load:.1f}")
    for kind, r in results.items():
        met = "met" if r["p95"] < TARGETS[kind] else "NOT met"
        print(
            f"{kind:8} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  max {r['max']:6.1f} ms"
            f"  baseline {r['baseline']:5.1f} ms"
            f"  ({int(r['n'])} requests; target p95 < {TARGETS[kind]:.0f} ms: {met})"
        )
        if "cpu_busy" in r:
            print(
                f"{'':8} CPU per request: server {r['cpu_server']:.1f} ms, builds"
                f" {r['cpu_builds']:.1f} ms, this script {r['cpu_client']:.1f} ms;"
                f" cores busy with them {r['cpu_busy']:.0%}"
            )


if __name__ == "__main__":
    main()
