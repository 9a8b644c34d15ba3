"""The visitor counter run as the operator runs it: ``python -m counter`` in its own process.

Start-up refusals (one line on stderr, exit 1, no traceback), the systemd unit's restart policy,
and no acknowledged hit lost when the process is killed with SIGKILL under load. Only 127.0.0.1.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from counter.store import CounterStore

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "ops" / "counter" / "tanhoa-counter.service"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONDONTWRITEBYTECODE": "1"}
NOBODY = 65534
# Imports what the start-up needs while the interpreter (under /root for this venv) is readable,
# then, when run as root, becomes "nobody", as the service runs as its own user.
AS_SERVICE_USER = f"""
import os, sys
import counter.__main__
if os.geteuid() == 0:
    os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})
counter.__main__.main(sys.argv[1:])
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_counter(*args, as_service_user=False, timeout=20):
    """``python -m counter ARGS`` until it exits (start-up failures only): (exit status, stderr)."""
    command = [sys.executable, "-m", "counter"]
    if as_service_user:
        command = [sys.executable, "-c", AS_SERVICE_USER]
    done = subprocess.run(
        [*command, "--port", str(free_port()), *args],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done.returncode, done.stderr


def assert_one_line_refusal(status, stderr, *expected):
    assert status == 1, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    for text in expected:
        assert text in lines[0], lines[0]


class Service:
    """``python -m counter`` running on a free loopback port; stderr kept in a file."""

    def __init__(self, db, tmp_path, *args):
        self.port = free_port()
        self.log = (tmp_path / f"service-{self.port}.log").open("w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "counter", "--db", str(db), "--port", str(self.port), *args],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        self._wait_until_answering()

    def _wait_until_answering(self):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the service exited: {self.stderr()}")
            try:
                self.stats()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"the service did not answer: {self.stderr()}")

    def stats(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            conn.request("GET", "/stats")
            return json.loads(conn.getresponse().read())
        finally:
            conn.close()

    def stderr(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        self.process.wait(timeout=15)
        self.log.close()


@pytest.fixture
def open_dir():
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="counter-test-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.iterdir()]:
        path.chmod(0o755)  # undo lock_for_service_user, so the folder can be removed
    shutil.rmtree(folder, ignore_errors=True)


def lock_for_service_user(*paths):
    """Make ``paths`` read-only for the service user: owned by root when we are root, else chmod."""
    for path in paths:
        path.chmod(0o755 if path.is_dir() and os.geteuid() == 0 else 0o555 if path.is_dir() else 0o444)


def stored_total(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT value FROM totals WHERE name = 'page_views'").fetchone()[0]


# --- Start-up refusals ------------------------------------------------------------


def test_missing_directory_is_refused_not_created(tmp_path):
    db = tmp_path / "mat" / "counter.sqlite3"
    status, stderr = run_counter("--db", str(db))
    assert_one_line_refusal(status, stderr, str(db.parent), "không tồn tại", "install -d")
    assert not db.parent.exists()


def test_unwritable_database_is_refused(open_dir):
    db = open_dir / "counter.sqlite3"
    store = CounterStore(db)
    store.record_hit("/", "visitor-0001", 1000.0, 300)
    store.close()
    lock_for_service_user(db, open_dir)
    status, stderr = run_counter("--db", str(db), as_service_user=True)
    assert_one_line_refusal(status, stderr, str(db), "không ghi được tệp", "chown")
    assert stored_total(db) == 1


def test_unwritable_directory_is_refused(open_dir):
    lock_for_service_user(open_dir)
    db = open_dir / "counter.sqlite3"
    status, stderr = run_counter("--db", str(db), as_service_user=True)
    assert_one_line_refusal(status, stderr, str(open_dir), "không ghi được vào thư mục", "chown")
    assert not db.exists()


def test_database_path_that_is_a_directory_is_refused(tmp_path):
    status, stderr = run_counter("--db", str(tmp_path))
    assert_one_line_refusal(status, stderr, str(tmp_path), "là một thư mục")


def test_corrupt_database_is_refused(tmp_path):
    db = tmp_path / "counter.sqlite3"
    db.write_bytes(b"not a database at all " * 200)
    status, stderr = run_counter("--db", str(db))
    assert_one_line_refusal(status, stderr, str(db), "bản sao lưu")


@pytest.mark.parametrize(
    ("args", "setting"),
    [
        (["--rate-limit", "0"], "COUNTER_RATE_LIMIT"),
        (["--address-limit", "-5"], "COUNTER_ADDRESS_LIMIT"),
        (["--path-prefix", "xa-tan-hoa"], "COUNTER_PATH_PREFIX"),
        (["--pages", "/khong/co/tep.txt"], "COUNTER_PAGES"),
    ],
)
def test_wrong_settings_are_refused_in_one_line(tmp_path, args, setting):
    status, stderr = run_counter("--db", str(tmp_path / "c.sqlite3"), *args)
    assert_one_line_refusal(status, stderr, setting)
    assert not (tmp_path / "c.sqlite3").exists()


def test_start_logs_the_stored_total(tmp_path):
    db = tmp_path / "counter.sqlite3"
    store = CounterStore(db)
    for n in range(7):
        store.record_hit("/", f"visitor-{n:04d}", 1000.0, 300)
    store.close()
    service = Service(db, tmp_path, "--base", "100")
    try:
        assert service.stats()["total"] == 107
    finally:
        service.stop()
    log = (tmp_path / f"service-{service.port}.log").read_text(encoding="utf-8")
    assert f"{db}: đã đếm 7 lượt, hiển thị 107" in log
    assert "Traceback" not in log


def test_a_new_database_is_announced(tmp_path):
    db = tmp_path / "counter.sqlite3"
    service = Service(db, tmp_path)
    service.stop()
    log = (tmp_path / f"service-{service.port}.log").read_text(encoding="utf-8")
    assert "đã tạo tệp mới" in log


def unit_settings():
    """{(section, key): [values]} of the systemd unit."""
    settings, section = {}, None
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        settings.setdefault((section, key.strip()), []).append(value.strip())
    return settings


def test_systemd_gives_up_after_a_few_failed_starts():
    settings = unit_settings()
    assert settings[("Unit", "StartLimitBurst")] == ["5"]
    assert int(settings[("Unit", "StartLimitIntervalSec")][0]) >= 60
    assert settings[("Service", "Restart")] == ["on-failure"]
    # No StartLimit* in [Service]: systemd ignores them there.
    assert not any(key.startswith("StartLimit") for section, key in settings if section == "Service")


def test_systemd_does_not_create_the_data_directory():
    settings = unit_settings()
    assert ("Service", "StateDirectory") not in settings
    exec_start = settings[("Service", "ExecStart")][0]
    db = Path(re.search(r"--db (\S+)", exec_start).group(1))
    assert settings[("Service", "ReadWritePaths")] == [f"-{db.parent}"]


# --- No acknowledged hit lost -----------------------------------------------------------


def send_hits(port, worker, stop, acknowledged, limit=3000):
    """Hits on one keep-alive connection until ``stop`` or an error; counts the 2xx answers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        for n in range(limit):
            if stop.is_set():
                return
            body = json.dumps({"path": "/", "visitor": f"load-{worker:02d}-{n:05d}"})
            conn.request("POST", "/hit", body=body, headers={"User-Agent": BROWSER})
            response = conn.getresponse()
            response.read()
            if 200 <= response.status < 300:
                acknowledged[worker] += 1
    except (OSError, http.client.HTTPException):
        return  # the service was killed
    finally:
        conn.close()


def test_no_acknowledged_hit_is_lost_when_the_process_is_killed(tmp_path):
    db = tmp_path / "counter.sqlite3"
    workers = 4
    acknowledged = [0] * workers
    stop = threading.Event()
    service = Service(db, tmp_path, "--rate-limit", "100000", "--address-limit", "100000")
    threads = [
        threading.Thread(target=send_hits, args=(service.port, worker, stop, acknowledged), daemon=True)
        for worker in range(workers)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 20
    while sum(acknowledged) < 400 and time.monotonic() < deadline:
        time.sleep(0.01)
    service.stop(signal.SIGKILL)  # mid-load: hits are in flight on every connection
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    acked = sum(acknowledged)
    assert acked >= 400, "the load did not get going"
    assert all(count > 0 for count in acknowledged)

    service = Service(db, tmp_path)
    try:
        total = service.stats()["total"]
    finally:
        service.stop()
    assert total >= acked
    # At most one hit per connection was in flight, unanswered, when the process died.
    assert total <= acked + workers
