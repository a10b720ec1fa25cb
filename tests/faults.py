"""Stand-ins for services that fail: a cache that raises, a Redis nobody
listens on, a free port for a mail server that is down (or a local SMTP sink
that is up), and a database that refuses queries."""

import contextlib
import socket
import threading

from aiosmtpd.controller import Controller
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on (right now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BrokenCache(BaseCache):
    """A cache backend whose every call fails, like a client whose server
    went away without IGNORE_EXCEPTIONS."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache server unavailable")

    add = get = set = touch = delete = incr = clear = has_key = _fail
    get_many = set_many = delete_many = _fail


def unreachable_redis_caches():
    """CACHES as production configures django-redis, pointed at a dead port."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/7",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
            },
        }
    }


class SmtpSink:
    """A real SMTP server on 127.0.0.1 that keeps every message it accepts."""

    def __init__(self, port):
        self.port = port
        self.envelopes = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        with self._lock:
            self.envelopes.append(envelope)
        return "250 Message accepted"

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc_info):
        self._controller.stop()


class QueryFailure:
    """An execute wrapper (`connection.execute_wrapper`) that makes queries
    fail as if the database went away: all of them, or only the `nth` write
    (INSERT, UPDATE or DELETE) from when it was installed."""

    def __init__(self, nth_write=None):
        self.nth_write = nth_write
        self.writes = 0

    def __call__(self, execute, sql, params, many, context):
        if self.nth_write is None:
            raise OperationalError("could not connect to server: Connection refused")
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.writes += 1
            if self.writes == self.nth_write:
                raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


@contextlib.contextmanager
def database_down(connection, nth_write=None):
    """Queries on `connection` fail (see `QueryFailure`) inside the block."""
    failure = QueryFailure(nth_write)
    with connection.execute_wrapper(failure):
        yield failure
