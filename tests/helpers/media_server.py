"""A local HTTP server for the media tests (127.0.0.1, a free port, one thread per request).

Each path is given a behaviour: a file, an error status, a server that never answers, a huge
Content-Length, a redirect, a body that stalls halfway, one that trickles in byte by byte.
Handlers that wait do so until the test releases them or the client hangs up, so stopping
the server is prompt and leaves no thread or socket behind. What the server saw (requests,
hang-ups) is recorded for the tests to wait on.
"""

import contextlib
import select
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["_Handler"], None]
_POLL_SECONDS = 0.02


class MediaServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()  # bytes of body handed to the socket, by path
        self.hung_up: list[str] = []  # paths whose client went away before the answer ended
        self.cookies_seen: list[str] = []
        self.release = threading.Event()
        self.most_running = 0
        self._running = 0
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        self.stopped = False

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # --- behaviours ------------------------------------------------------------------------

    def file(
        self,
        path: str,
        body: bytes,
        content_type: str = "application/octet-stream",
        headers: dict[str, str] | None = None,
    ) -> str:
        self.routes[path] = lambda handler: handler.answer(200, body, content_type, headers)
        return self.url(path)

    def status(self, path: str, code: int) -> str:
        self.routes[path] = lambda handler: handler.answer(code, b"<h1>nope</h1>", "text/html")
        return self.url(path)

    def hang(self, path: str) -> str:
        """Reads the request and never answers."""

        def route(handler: _Handler) -> None:
            handler.wait()

        self.routes[path] = route
        return self.url(path)

    def huge(self, path: str, length: int = 10**12) -> str:
        """Promises `length` bytes, sends a few, then waits."""

        def route(handler: _Handler) -> None:
            handler.head(200, "image/png", length)
            handler.send(b"\x89PNG\r\n\x1a\n")
            handler.wait()

        self.routes[path] = route
        return self.url(path)

    def stall(self, path: str, body: bytes, content_type: str = "image/png") -> str:
        """Sends the headers and half the body, then waits for release before the rest."""

        def route(handler: _Handler) -> None:
            handler.head(200, content_type, len(body))
            handler.send(body[: len(body) // 2])
            if handler.wait():
                handler.send(body[len(body) // 2 :])

        self.routes[path] = route
        return self.url(path)

    def gate(self, path: str, body: bytes, content_type: str = "image/png") -> str:
        """Waits for release, then answers with `body` (to count parallel downloads)."""

        def route(handler: _Handler) -> None:
            if handler.wait():
                handler.answer(200, body, content_type)

        self.routes[path] = route
        return self.url(path)

    def delay(self, path: str, body: bytes, seconds: float, content_type: str = "image/png") -> str:
        """Answers with `body` after `seconds` (or at release)."""

        def route(handler: _Handler) -> None:
            if handler.wait(seconds):
                handler.answer(200, body, content_type)

        self.routes[path] = route
        return self.url(path)

    def trickle(self, path: str, body: bytes, every: float, content_type: str = "image/png") -> str:
        """Sends `body` one byte every `every` seconds: never silent, never done."""

        def route(handler: _Handler) -> None:
            handler.head(200, content_type, len(body))
            for byte in body:
                if not handler.wait(every) or self.release.is_set():
                    return
                handler.send(bytes((byte,)))

        self.routes[path] = route
        return self.url(path)

    def endless(self, path: str, start: bytes = b"\x89PNG\r\n\x1a\n") -> str:
        """A body without a length that never ends: `start`, then zeros as fast as they go."""
        chunk = bytes(64 * 1024)

        def route(handler: _Handler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "image/png")
            handler.end_headers()
            handler.send(start)
            while not self.release.is_set():
                handler.send(chunk)

        self.routes[path] = route
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        def route(handler: _Handler) -> None:
            handler.send_response(302)
            handler.send_header("Location", location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = route
        return self.url(path)

    # --- bookkeeping -----------------------------------------------------------------------

    def stop(self) -> None:
        """Release every waiting handler, stop serving and close the port."""
        if self.stopped:
            return
        self.stopped = True
        self.release.set()
        self._server.shutdown()
        with self._lock:  # idle keep-alive connections would hold their threads for minutes
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()  # joins the handler threads
        self._thread.join()

    def running(self) -> int:
        with self._lock:
            return self._running

    def _enter(self, path: str) -> None:
        with self._lock:
            self.hits[path] += 1
            self._running += 1
            self.most_running = max(self.most_running, self._running)

    def _saw_sent(self, path: str, count: int) -> None:
        with self._lock:
            self.sent[path] += count

    def sent_by(self, path: str) -> int:
        with self._lock:
            return self.sent[path]

    def _saw_hang_up(self, path: str) -> None:
        with self._lock:
            self.hung_up.append(path)

    def _leave(self) -> None:
        with self._lock:
            self._running -= 1

    def _opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.add(connection)

    def _closed(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.discard(connection)


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close() joins them
    block_on_close = True

    def __init__(self, owner: MediaServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 10  # a bound on an idle connection that stop() did not see opening

    def setup(self) -> None:
        super().setup()
        self.server.owner._opened(self.connection)

    def finish(self) -> None:
        self.server.owner._closed(self.connection)
        super().finish()

    def do_GET(self) -> None:
        owner = self.server.owner
        path = self.path.split("?", 1)[0]
        owner._enter(path)
        if "Cookie" in self.headers:
            owner.cookies_seen.append(self.headers["Cookie"])
        try:
            route = owner.routes.get(path)
            if route is None:
                self.answer(404, b"not found", "text/plain")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            owner._saw_hang_up(path)
        finally:
            owner._leave()

    def head(
        self, code: int, content_type: str, length: int, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()
        self.server.owner._saw_sent(self.path.split("?", 1)[0], len(data))

    def answer(
        self, code: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.head(code, content_type, len(body), headers)
        self.send(body)

    def wait(self, seconds: float | None = None) -> bool:
        """Until the test releases it or `seconds` pass (True), or the client hangs up (False)."""
        until = None if seconds is None else time.monotonic() + seconds
        while not self.server.owner.release.wait(_POLL_SECONDS):
            if self._client_gone():
                self.server.owner._saw_hang_up(self.path.split("?", 1)[0])
                return False
            if until is not None and time.monotonic() >= until:
                break
        return True

    def _client_gone(self) -> bool:
        readable, _, _ = select.select([self.connection], [], [], 0)
        if not readable:
            return False
        try:
            return not self.connection.recv(1, socket.MSG_PEEK)
        except ConnectionResetError:
            return True

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: pytest shows stderr of failing tests
