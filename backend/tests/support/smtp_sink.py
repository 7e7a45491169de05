#!/ usr / bin / python3
"""A real SMTP server for the integration tests (Debian's python3-aiosmtpd).

Usage: smtp_sink.py PORT FOLDER [DELAY_SECONDS]

Accepts every message on 127.0.0.1:PORT and writes each one to FOLDER/<n>.eml (written to a
temporary name first, then renamed, so a reader never sees half a message), with the envelope as
X-Sink-Mail-From / X-Sink-Rcpt-To lines before the message. Prints "ready" once it listens and
exits 0 on SIGTERM or SIGINT. With DELAY_SECONDS, each message is answered only after that
long, like a slow mail server (the message is on disk before the wait).
"""

import asyncio
import itertools
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder, delay):
        self.folder = folder
        self.delay = delay
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = next(self.counter)
        head = "X-Sink-Mail-From: {}\r\nX-Sink-Rcpt-To: {}\r\n".format(
            envelope.mail_from, ",".join(envelope.rcpt_tos)
        ).encode("ascii")
        path = os.path.join(self.folder, "{:06d}.eml".format(number))
        with open(path + ".tmp", "wb") as out:
            out.write(head + envelope.original_content)
        os.rename(path + ".tmp", path)
        await asyncio.sleep(self.delay)
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller = Controller(FolderHandler(folder, delay), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    while not stop.wait(0.1):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
