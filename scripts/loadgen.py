"""A small HTTP load generator for `make bench` (127.0.0.1 only).

`clients` processes each send GET requests one after another for a fixed
number of seconds, opening a connection per request (gunicorn's sync workers
close it after each response anyway). Processes rather than threads, so the
generator's own Python does not cap the numbers it reports."""

import http.client
import math
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

HOST = "127.0.0.1"


def _client(port, path, headers, seconds):
    latencies, errors, statuses = [], 0, {}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=10)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
        except OSError:
            errors += 1
            continue
        latencies.append((time.perf_counter() - start) * 1000)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        cache_state = response.getheader("X-Page-Cache") or "-"
        statuses[cache_state] = statuses.get(cache_state, 0) + 1
        if response.status != 200:
            errors += 1
    return latencies, errors, statuses


def run(port, path, *, clients, seconds, headers=None):
    """Load `path` for `seconds`; return req/s, p50/p95 ms, errors, counts."""
    headers = {"Host": f"{HOST}:{port}", **(headers or {})}
    with ProcessPoolExecutor(max_workers=clients) as pool:
        jobs = [
            pool.submit(_client, port, path, headers, seconds) for _ in range(clients)
        ]
        parts = [job.result(timeout=seconds + 30) for job in jobs]
    latencies = sorted(lat for part in parts for lat in part[0])
    statuses = {}
    for part in parts:
        for key, value in part[2].items():
            statuses[str(key)] = statuses.get(str(key), 0) + value
    if not latencies:
        return {"requests": 0, "errors": sum(p[1] for p in parts)}
    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(latencies[max(0, math.ceil(0.95 * len(latencies)) - 1)], 2),
        "errors": sum(part[1] for part in parts),
        "statuses": statuses,
    }
