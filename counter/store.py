"""SQLite storage of the visitor counter: page views and visitors seen recently.

Only paths, random visitor ids and timestamps are stored: no IP address, no user agent.
Every change runs in one ``BEGIN IMMEDIATE`` transaction on a WAL database with a busy
timeout, so concurrent hits (threads or several processes) are all counted.

The file stays bounded: at most ``max_paths`` page rows (plus one row, ``OTHER_PATHS``, for every
other path), and at most ``max_online`` visitor rows, each deleted once older than the window.
"""

import logging
import os
import pwd
import sqlite3
import threading
from contextlib import contextmanager
from typing import NamedTuple

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 2
BUSY_TIMEOUT_SECONDS = 10.0
MAX_PATHS = 50_000
MAX_ONLINE = 100_000
# Views of paths that are not the site's pages (or of new pages once MAX_PATHS are stored).
# Not starting with "/", it cannot be a real path.
OTHER_PATHS = "(trang khác)"
# After a checkpoint the -wal file is cut back to this size instead of keeping its largest size.
WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024

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
INSERT OR REPLACE INTO totals (name, value) SELECT 'stored_paths', COUNT(*) FROM page_views;
"""


class Figures(NamedTuple):
    """Page views stored (without any starting figure) and visitors online now."""

    views: int
    online: int


class StorageUnavailable(Exception):
    """The database cannot be used; the message (for the operator) names the path and the fix."""


class CounterStore:
    """One SQLite connection, used by one thread at a time."""

    def __init__(self, path, max_paths=MAX_PATHS, max_online=MAX_ONLINE):
        self.path = str(path)
        self.max_paths = max_paths
        self.max_online = max_online
        self._lock = threading.Lock()
        self._conn = open_database(self.path)

    def record_hit(self, path, visitor, now, window):
        """Count one view of ``path`` (None: not a page of the site), mark ``visitor`` as seen at ``now``.

        Returns the new figures.
        """
        with self._transaction("BEGIN IMMEDIATE") as conn:
            conn.execute("UPDATE totals SET value = value + 1 WHERE name = 'page_views'")
            count_page_view(conn, path, now, self.max_paths)
            conn.execute("DELETE FROM seen WHERE last_seen <= ?", (now - window,))
            mark_seen(conn, visitor, now, self.max_online)
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


def count_page_view(conn, path, now, max_paths):
    """One more view of ``path``'s row; a new row only while fewer than ``max_paths`` are stored."""
    if path is not None and add_view(conn, path, now):
        return
    if path is None or stored_paths(conn) >= max_paths:
        path = OTHER_PATHS
        if add_view(conn, path, now):
            return
    conn.execute("INSERT INTO page_views (path, views, last_viewed) VALUES (?, 1, ?)", (path, now))
    conn.execute("UPDATE totals SET value = value + 1 WHERE name = 'stored_paths'")


def add_view(conn, path, now):
    """True if ``path`` already had a row (now one view more)."""
    cursor = conn.execute(
        "UPDATE page_views SET views = views + 1, last_viewed = MAX(last_viewed, ?) WHERE path = ?",
        (now, path),
    )
    return cursor.rowcount > 0


def stored_paths(conn):
    return conn.execute("SELECT value FROM totals WHERE name = 'stored_paths'").fetchone()[0]


def mark_seen(conn, visitor, now, max_online):
    """``visitor`` seen at ``now``; a new visitor is kept only while fewer than ``max_online`` are.

    Past that (a flood of invented ids), the view still counts but "online" stops growing.
    """
    cursor = conn.execute("UPDATE seen SET last_seen = MAX(last_seen, ?) WHERE visitor = ?", (now, visitor))
    if cursor.rowcount == 0:
        conn.execute(
            "INSERT INTO seen (visitor, last_seen) SELECT ?, ? WHERE (SELECT COUNT(*) FROM seen) < ?",
            (visitor, now, max_online),
        )


def open_database(path):
    """Open the counter database in WAL mode, creating the file (never its directory) if needed.

    Raises StorageUnavailable with a message for the operator when the file cannot be used.
    """
    refuse_unusable_location(path)
    existed = os.path.exists(path)
    try:
        conn = connect(path)
    except sqlite3.Error as error:
        raise StorageUnavailable(
            f"counter: không mở được tệp dữ liệu {path}: {error}. Kiểm tra ổ đĩa (còn chỗ trống?) và quyền"
            f" ghi; nếu tệp hỏng, phục hồi từ bản sao lưu (docs/counter.md)."
        ) from None
    if not existed:
        logger.warning("counter: chưa có tệp %s, đã tạo tệp mới: tổng lượt xem bắt đầu từ 0", path)
    return conn


def connect(path):
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            logger.warning("counter: %s không dùng được chế độ WAL (journal_mode=%s)", path, mode)
        # FULL: a committed hit survives even a power cut, not only a restart of the service.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
        create_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def create_schema(conn):
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def refuse_unusable_location(path):
    """StorageUnavailable unless ``path``'s directory exists and the service can write there.

    The directory is never created: if it vanished (disk not mounted, folder deleted), starting
    afresh would silently reset the public total to the starting figure.
    """
    folder = os.path.dirname(os.path.abspath(path))
    user = service_user()
    if not os.path.isdir(folder):
        raise StorageUnavailable(
            f"counter: thư mục {folder} không tồn tại (hoặc {user} không vào được), dịch vụ không tự tạo để"
            f" khỏi đếm lại từ đầu. Lần cài đầu: sudo install -d -o {user} -m 0750 {folder}; nếu dữ liệu"
            f" cũ bị mất: phục hồi bản sao lưu (docs/counter.md)."
        )
    if os.path.isdir(path):
        raise StorageUnavailable(
            f"counter: {path} là một thư mục; ghi đường dẫn tới tệp,"
            f" ví dụ --db {os.path.join(path, 'counter.sqlite3')}."
        )
    if os.path.exists(path) and not os.access(path, os.R_OK | os.W_OK):
        raise StorageUnavailable(
            f"counter: người dùng {user} không ghi được tệp dữ liệu {path}; sửa quyền:"
            f" sudo chown {user} {path} (và các tệp {os.path.basename(path)}-wal, -shm nếu có)."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageUnavailable(
            f"counter: người dùng {user} không ghi được vào thư mục {folder} (SQLite cần tạo tệp -wal, -shm"
            f" bên cạnh tệp dữ liệu); sửa quyền: sudo chown {user} {folder}, hoặc với systemd kiểm tra"
            f" ReadWritePaths=."
        )


def service_user():
    """The user the service runs as, to name in the fixes it suggests."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def read_figures(conn, now, window):
    """Figures as seen inside the current transaction; online = seen within the last ``window`` s."""
    views = conn.execute("SELECT value FROM totals WHERE name = 'page_views'").fetchone()[0]
    online = conn.execute("SELECT COUNT(*) FROM seen WHERE last_seen > ?", (now - window,)).fetchone()[0]
    return Figures(views, online)
