"""A real HTTP server on 127.0.0.1 in a thread, serving routes a test defines.

A route is a function ``(handler) -> (status, headers, body)`` or a fixed
tuple; every request is logged (path and headers) for the test to inspect.
"""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A client that hung up early (a timeout, a size limit, a content type refused after
        # the headers) resets the connection while the handler waits for its next request:
        # that is the test, not a server error to print on stderr (where the CLI's lines are read).
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                elif callable(route):
                    status, headers, body = route(self)
                else:
                    status, headers, body = route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout, a size limit): that is the test

            def log_message(self, *args) -> None:
                pass

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def fetch_without_waiting(monkeypatch) -> None:
    """Fetches in this test neither wait between requests nor retry (the server is local)."""
    monkeypatch.setenv("CCA_TUI_FETCH_BACKOFF", "0")
    monkeypatch.setenv("CCA_TUI_FETCH_RETRIES", "0")
    monkeypatch.setenv("CCA_TUI_FETCH_DELAY", "0")
