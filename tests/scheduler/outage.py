"""Real database outages for the scheduler's fault tests.

PostgreSQL: Herald connects through ``Proxy``, a TCP forwarder on loopback; ``cut()`` drops
every connection and refuses new ones until ``restore()`` (what a database restart or a
network partition looks like from Herald). SQLite: another connection holds the write lock,
so every write fails with "database is locked" (Herald's connections wait only
``busy_ms``), while reads go on, as WAL allows.
"""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url

from bot.store import Store


class Proxy:
    """Forwards 127.0.0.1:port to ``host:port`` until cut."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._down = threading.Event()
        self._closed = False
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._down.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self._down.set()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def restore(self) -> None:
        self._down.clear()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()


class Outage:
    """A second Store on the same database, whose database can be taken away and back."""

    def __init__(self, store: Store, busy_ms: int = 50) -> None:
        url = store.engine.url
        self._proxy: Proxy | None = None
        self._lock: sqlite3.Connection | None = None
        if store.dialect == "postgresql":
            self._proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
            proxied = url.set(host="127.0.0.1", port=self._proxy.port)
            self.store = Store.open(proxied.render_as_string(hide_password=False))
        else:
            self._path = str(url.database)
            self.store = Store.open(make_url(f"sqlite:///{self._path}").render_as_string())

            @event.listens_for(self.store.engine, "connect")
            def _short_wait(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute(f"PRAGMA busy_timeout={busy_ms}")

    def cut(self) -> None:
        if self._proxy is not None:
            self._proxy.cut()
        else:
            self._lock = sqlite3.connect(self._path, isolation_level=None)
            self._lock.execute("BEGIN EXCLUSIVE")

    def restore(self) -> None:
        if self._proxy is not None:
            self._proxy.restore()
        elif self._lock is not None:
            self._lock.execute("ROLLBACK")
            self._lock.close()
            self._lock = None

    def close(self) -> None:
        self.restore()
        self.store.close()
        if self._proxy is not None:
            self._proxy.close()
