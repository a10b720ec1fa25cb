"""The live server for browser tests.

pytest-django's `live_server` serves each request in its own thread. On the
in-memory SQLite test database every thread shares the test's one connection,
and a page that fires requests in parallel (the Wagtail editor previews while
it pings its editing session) gets "database table is locked" errors that a
real deployment never sees. On SQLite this server therefore answers one
request at a time; on PostgreSQL each thread has its own connection and the
threaded server is kept."""

from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from pytest_django.live_server_helper import LiveServer


class SerialLiveServerThread(LiveServerThread):
    """Django's live server thread with a single-threaded HTTP server.

    Django's non-threaded server closes each connection after its response,
    so a browser's parallel requests simply wait their turn."""

    def _create_server(self, connections_override=None):
        # `run()` has already given this thread the shared connections.
        return WSGIServer(
            (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
        )


def start_live_server(addr):
    """A started pytest-django `LiveServer` at `addr` ("host" or "host:port"),
    serving one request at a time when it shares an in-memory SQLite
    connection with the tests."""
    server = LiveServer(addr, start=False)
    threaded = server.thread
    if threaded.connections_override:
        server.thread = SerialLiveServerThread(
            threaded.host,
            threaded.static_handler,
            connections_override=threaded.connections_override,
            port=threaded.port,
        )
        server.thread.daemon = True
    server.start()
    return server
