"""Measures how long `tmeit serve` takes from exec to the first 200 from /ready, then its
idle resident memory. Prints two lines: `start_to_ready_ms N` and `idle_rss_mb N`.
Usage: startup.py TMEIT_BINARY PORT  (environment: DATABASE_URL, TMEIT_JWT_SECRET, ...)"""
import http.client
import os
import subprocess
import sys
import time


def ready(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", "/ready")
        return conn.getresponse().status == 200
    except OSError:
        return False


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    binary, port = sys.argv[1], int(sys.argv[2])
    env = dict(os.environ, PORT=str(port), TMEIT_LOG_LEVEL="warn")
    started = time.monotonic()
    server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL)
    try:
        while not ready(port):
            if server.poll() is not None or time.monotonic() - started > 10:
                sys.exit("server did not become ready within 10 s")
            time.sleep(0.002)
        print(f"start_to_ready_ms {(time.monotonic() - started) * 1000:.0f}")
        time.sleep(1)  # let start-up allocations settle
        print(f"idle_rss_mb {rss_mb(server.pid):.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


main()
