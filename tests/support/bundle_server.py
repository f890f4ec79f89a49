#!/usr/bin/python3
"""A loopback HTTP server for the data-bundle tests (tests/integration/data_fetch_test.cc).

Serves the files of --root on 127.0.0.1 (a free port, printed on the first
line of stdout), honouring single-range "Range: bytes=N-" requests with 206
answers. The first path component chooses a behaviour, so one server covers
every test case:

  /files/NAME       the file, as it is
  /drop-once/NAME   the first request that does not ask for a range gets the
                    full Content-Length but only half the bytes, then the
                    connection is closed; later requests are served normally
  /corrupt/NAME     one byte in the middle flipped (same size)
  /norange/NAME     the file, ignoring any Range header (always 200)

Every request is appended to --log as "PATH<TAB>RANGE" (RANGE "-" when none),
so tests can check that a download resumed where it should. Stops on SIGTERM.
"""
import argparse
import http.server
import os
import re
import sys
import threading

RANGE = re.compile(r"^bytes=(\d+)-$")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    dropped = set()
    lock = threading.Lock()

    def log_message(self, *args):  # keep stderr quiet; --log records requests
        pass

    def do_GET(self):
        parts = self.path.lstrip("/").split("/", 1)
        mode, name = (parts + [""])[:2]
        range_header = self.headers.get("Range")
        with self.lock, open(self.server.log_path, "a") as log:
            log.write(f"{self.path}\t{range_header or '-'}\n")
        path = os.path.join(self.server.root, name)
        if mode not in ("files", "drop-once", "corrupt", "norange") or "/" in name \
                or not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            data = f.read()
        if mode == "corrupt":
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]
        start = 0
        match = RANGE.match(range_header or "")
        if match and mode != "norange":
            start = int(match.group(1))
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Type", "application/gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if mode == "drop-once" and start == 0:
            with self.lock:
                first = name not in self.dropped
                self.dropped.add(name)
            if first:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
        self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.root = args.root
    server.log_path = args.log
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
