#!/usr/bin/env python3
"""A .dockerignore oracle that runs moby/patternmatcher's real Go code: the docker CLI's legacy builder.

With DOCKER_BUILDKIT=0, `docker build DIR` reads DIR/.dockerignore itself (patternmatcher
ignorefile.ReadAll), tars the context client-side with those excludes (moby/go-archive
TarWithOptions, which walks with PatternMatcher.MatchesUsingParentResults) and POSTs the tar to the
engine's /build endpoint. No engine is needed: this script answers on a private unix socket as a
tiny fake engine (HEAD/GET /_ping, POST /v*/build), records the names in each posted tar and replies
with a minimal JSON stream so the CLI exits 0.

Usage: dockerignore-oracle.py < cases.json
  cases.json: [{"files": ["a/b.py", ...], "dirs": ["empty", ...], "dockerignore": "<file text>"}, ...]
Prints one JSON list, one entry per case, in order:
  {"kept": ["a", "a/b.py", ...]}  every tar member (files and directories, no trailing "/"), sorted
  {"error": "<CLI message>"}      when the CLI refused the context (e.g. "syntax error in pattern")
The tar still holds `Dockerfile` and `.dockerignore` even when a pattern excludes them: the CLI
re-adds them (cli/command/image/build/context.go TrimBuildFilesFromExcludes) and BuildKit does not,
so callers must leave those two names out of any comparison. The CLI writes no tar entry for an
excluded directory it descends into for a `!` exception (only the re-included entries below it).

Exit status 3 when the docker CLI is missing (callers skip), 0 otherwise.
Environment: DOCKER_CLI (default: `docker` on PATH), RAILSIM_ORACLE_JOBS (parallel CLI runs, default 4).
"""
import http.server
import io
import json
import os
import shutil
import socketserver
import subprocess
import sys
import tarfile
import tempfile
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

RECEIVED = {}
RECEIVED_LOCK = threading.Lock()


class FakeEngine(http.server.BaseHTTPRequestHandler):
    """Just enough of the Engine API for `docker build` with the legacy builder (found by experiment
    with docker CLI 28.2.2: it sends HEAD /_ping, then POST /v1.50/build with a chunked tar body)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _headers(self, status, length, content_type="text/plain; charset=utf-8"):
        self.send_response(status)
        # Builder-Version 1 = the legacy builder; the CLI negotiates its API version from Api-Version.
        for name, value in (("Api-Version", "1.50"), ("Docker-Experimental", "false"), ("OSType", "linux"),
                            ("Builder-Version", "1"), ("Content-Type", content_type), ("Content-Length", str(length))):
            self.send_header(name, value)
        self.end_headers()

    def do_HEAD(self):
        self._headers(200, 2)

    def do_GET(self):
        if self.path.split("?")[0].endswith("/_ping"):
            self._headers(200, 2)
            self.wfile.write(b"OK")
        else:
            self._headers(404, 0)

    def _body(self):
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length", "0")))
        out = bytearray()
        while True:
            size = int(self.rfile.readline().strip().split(b";")[0], 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return bytes(out)
            out += self.rfile.read(size)
            self.rfile.readline()

    def do_POST(self):
        body = self._body()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        tag = (query.get("t") or [""])[0]
        names = []
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tar:
            for member in tar.getmembers():
                names.append(member.name.rstrip("/"))
        with RECEIVED_LOCK:
            RECEIVED[tag] = sorted(names)
        reply = b'{"stream":"railsim oracle\\n"}\r\n{"aux":{"ID":"sha256:' + b"0" * 64 + b'"}}\r\n'
        self._headers(200, len(reply), "application/json")
        self.wfile.write(reply)


class UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def get_request(self):
        request, _ = super().get_request()
        return request, ("local", 0)  # BaseHTTPRequestHandler wants a (host, port) pair


def run_case(docker, env, work, index, case):
    root = os.path.join(work, "c%d" % index)
    os.makedirs(root)
    for d in case.get("dirs", []):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    for f in case.get("files", []):
        path = os.path.join(root, f)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            fh.write("x")
    with open(os.path.join(root, "Dockerfile"), "w") as fh:
        fh.write("FROM scratch\n")
    with open(os.path.join(root, ".dockerignore"), "wb") as fh:
        fh.write(case["dockerignore"].encode("utf-8", "surrogateescape"))
    tag = "railsim-oracle-%d" % index
    proc = subprocess.run([docker, "build", "-q", "-t", tag, root], env=env, capture_output=True, text=True)
    shutil.rmtree(root, ignore_errors=True)
    with RECEIVED_LOCK:
        kept = RECEIVED.pop(tag, None)
    if proc.returncode != 0 or kept is None:
        lines = [l for l in proc.stderr.splitlines()
                 if l.strip() and "deprecated" not in l.lower() and "BuildKit is currently" not in l and "environment-variable" not in l]
        return {"error": "\n".join(lines) or "exit %d" % proc.returncode}
    return {"kept": kept}


def main():
    docker = os.environ.get("DOCKER_CLI") or shutil.which("docker")
    if not docker or not os.access(docker, os.X_OK):
        print("docker CLI not found", file=sys.stderr)
        return 3
    cases = json.load(sys.stdin)
    work = tempfile.mkdtemp(prefix="railsim-dockerignore-")
    try:
        sock = os.path.join(work, "engine.sock")
        server = UnixServer(sock, FakeEngine)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = dict(os.environ)
        for name in ("DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"):
            env.pop(name, None)
        os.makedirs(os.path.join(work, "config"))
        env.update(DOCKER_HOST="unix://" + sock, DOCKER_BUILDKIT="0", DOCKER_CONFIG=os.path.join(work, "config"))
        jobs = int(os.environ.get("RAILSIM_ORACLE_JOBS", "4"))
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(lambda ic: run_case(docker, env, work, ic[0], ic[1]), enumerate(cases)))
        server.shutdown()
        server.server_close()
        print(json.dumps(results))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
