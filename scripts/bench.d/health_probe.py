"""A paced /health probe for scripts/bench-photos, as a liveness probe or a monitor sees the server.

One keep-alive connection sends GET /health every INTERVAL_MS for SECONDS and prints the
latency's median, p99 and maximum. Unlike wrk, it does not load the server itself: what it
measures is how long a request waits while other work (uploads) runs.

Usage: health_probe.py PORT SECONDS INTERVAL_MS
"""

import http.client
import sys
import time


def main(port: int, seconds: float, interval_ms: float) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    latencies_ms = []
    errors = 0
    next_request = time.monotonic()
    deadline = next_request + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        connection.request("GET", "/health")
        response = connection.getresponse()
        response.read()
        latencies_ms.append((time.perf_counter() - started) * 1000)
        errors += response.status != 200
        next_request += interval_ms / 1000
        time.sleep(max(0.0, next_request - time.monotonic()))
    latencies_ms.sort()
    count = len(latencies_ms)
    print(
        f"p50 {latencies_ms[count // 2]:.2f} ms, p99 {latencies_ms[int(count * 0.99)]:.2f} ms, "
        f"max {latencies_ms[-1]:.2f} ms ({count} requests, {errors} not 200)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]))
