"""SQLite storage of the visitor counter: page views and visitors seen recently.

Only paths, random visitor ids and timestamps are stored: no IP address, no user agent.
Every change runs in one ``BEGIN IMMEDIATE`` transaction on a WAL database with a busy
timeout, so concurrent hits (threads or several processes) are all counted.
"""

import logging
import sqlite3
import threading
from contextlib import contextmanager
from typing import NamedTuple

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 10.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS totals (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS page_views (
    path TEXT PRIMARY KEY,
    views INTEGER NOT NULL,
    last_viewed REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS seen (
    visitor TEXT PRIMARY KEY,
    last_seen REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_by_time ON seen (last_seen);
INSERT OR IGNORE INTO totals (name, value) VALUES ('page_views', 0);
"""


class Figures(NamedTuple):
    """Page views stored (without any starting figure) and visitors online now."""

    views: int
    online: int


class CounterStore:
    """One SQLite connection, used by one thread at a time."""

    def __init__(self, path):
        self.path = str(path)
        self._lock = threading.Lock()
        self._conn = open_database(self.path)

    def record_hit(self, path, visitor, now, window):
        """Count one view of ``path``, mark ``visitor`` as seen at ``now``; return the new figures."""
        with self._transaction("BEGIN IMMEDIATE") as conn:
            conn.execute("UPDATE totals SET value = value + 1 WHERE name = 'page_views'")
            conn.execute(
                "INSERT INTO page_views (path, views, last_viewed) VALUES (?, 1, ?)"
                " ON CONFLICT (path) DO UPDATE SET views = views + 1, last_viewed = excluded.last_viewed",
                (path, now),
            )
            conn.execute(
                "INSERT INTO seen (visitor, last_seen) VALUES (?, ?)"
                " ON CONFLICT (visitor) DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen)",
                (visitor, now),
            )
            conn.execute("DELETE FROM seen WHERE last_seen <= ?", (now - window,))
            return read_figures(conn, now, window)

    def figures(self, now, window):
        """The current figures, counting nothing."""
        with self._transaction("BEGIN") as conn:
            return read_figures(conn, now, window)

    def close(self):
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self, begin):
        with self._lock:
            self._conn.execute(begin)
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise


def open_database(path):
    """Open (and create if needed) the counter database in WAL mode."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        logger.warning("counter: %s does not support WAL mode (journal_mode=%s)", path, mode)
    # FULL: a committed hit survives even a power cut, not only a restart of the service.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        conn.close()
        raise
    conn.execute("COMMIT")
    return conn


def read_figures(conn, now, window):
    """Figures as seen inside the current transaction; online = seen within the last ``window`` s."""
    views = conn.execute("SELECT value FROM totals WHERE name = 'page_views'").fetchone()[0]
    online = conn.execute("SELECT COUNT(*) FROM seen WHERE last_seen > ?", (now - window,)).fetchone()[0]
    return Figures(views, online)
