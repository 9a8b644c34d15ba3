"""Measure the counter on this machine: ``python -m counter.loadtest [options]``.

``hits`` (default): starts ``python -m counter`` on a free 127.0.0.1 port with a fresh database
in a temporary folder (or uses ``--port`` of a service already running on 127.0.0.1), sends
``POST /hit`` from ``--connections`` keep-alive connections until ``--hits`` are sent or
``--seconds`` have passed, and prints hits per second and latency percentiles.

``storage``: fills a database to its row limits (COUNTER_MAX_PATHS pages, COUNTER_MAX_ONLINE
visitors) with the longest rows the default patterns accept and prints the file size.

Only loopback is ever contacted, and both the count and the duration are capped.
"""

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from counter.store import MAX_ONLINE, MAX_PATHS, OTHER_PATHS, CounterStore

HOST = "127.0.0.1"  # never anything else
MAX_HITS = 200_000
MAX_SECONDS = 300
MAX_CONNECTIONS = 256
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
# Readers spread over many addresses (benchmark range 198.18.0.0/15), so the default limits apply
# as in production without refusing the test's own load.
ADDRESSES = [f"198.18.{n // 250}.{n % 250 + 1}" for n in range(2000)]
PAGES = ["/", "/trang-2/", "/tim-kiem/", "/chuyen-muc/tin-tuc-su-kien/", "/to-chuc/ubnd/"] + [
    f"/bai-viet/2025/tin-so-{n}.html" for n in range(300)
]


def capped(value, limit, name):
    if not 0 < value <= limit:
        raise SystemExit(f"{name} phải từ 1 đến {limit}")
    return value


# --- hits ------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_service(folder, port):
    """``python -m counter`` on ``port`` with a new database in ``folder``; returns the process."""
    command = [sys.executable, "-m", "counter", "--db", str(Path(folder) / "counter.sqlite3")]
    command += ["--host", HOST, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("dịch vụ không khởi động được (chạy python -m counter để xem lỗi)")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("dịch vụ không trả lời sau 15 giây")


def hit_request(n, visitors):
    body = json.dumps({"path": random.choice(PAGES), "visitor": f"reader-{n % visitors:06d}"}).encode()
    head = (
        f"POST /hit HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: {BROWSER}\r\n"
        f"Content-Type: application/json\r\nX-Forwarded-For: {ADDRESSES[n % len(ADDRESSES)]}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def read_status(reader):
    """The status of one HTTP/1.1 response, its body read and dropped."""
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def connection(port, budget, deadline, visitors, results):
    """Send hits one after another on one keep-alive connection, as long as budget and time allow."""
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while budget and time.monotonic() < deadline:
            n = budget.pop()
            started = time.perf_counter()
            writer.write(hit_request(n, visitors))
            try:
                status = await read_status(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                results["statuses"]["error"] += 1
                return
            results["latencies"].append(time.perf_counter() - started)
            results["statuses"][status] += 1
    finally:
        writer.close()


async def run_load(port, hits, seconds, connections, visitors):
    budget = list(range(hits))
    results = {"latencies": [], "statuses": Counter()}
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(connection(port, budget, deadline, visitors, results) for _ in range(connections)))
    results["seconds"] = time.monotonic() - started
    return results


def cpu_seconds(pid):
    """User + system CPU seconds used by process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report_hits(results, server_cpu, connections):
    latencies = results["latencies"]
    counted = results["statuses"].get(200, 0)
    print(f"kết nối đồng thời: {connections}, thời gian: {results['seconds']:.1f} s")
    print(f"trả lời: {dict(results['statuses'])}")
    print(f"lượt đếm được mỗi giây (mã 200): {counted / results['seconds']:.0f}")
    if latencies:
        ms = [1000 * value for value in latencies]
        print(
            f"độ trễ (ms): p50 {percentile(ms, 0.50):.1f}, p90 {percentile(ms, 0.90):.1f},"
            f" p99 {percentile(ms, 0.99):.1f}, lớn nhất {max(ms):.1f}, trung bình {statistics.fmean(ms):.1f}"
        )
    if server_cpu is not None:
        print(f"CPU của dịch vụ: {server_cpu:.1f} s ({100 * server_cpu / results['seconds']:.0f}% một lõi)")


def measure_hits(args):
    hits = capped(args.hits, MAX_HITS, "--hits")
    seconds = capped(args.seconds, MAX_SECONDS, "--seconds")
    connections = capped(args.connections, MAX_CONNECTIONS, "--connections")
    if args.port:
        results = asyncio.run(run_load(args.port, hits, seconds, connections, args.visitors))
        report_hits(results, None, connections)
        return
    with tempfile.TemporaryDirectory(prefix="counter-load-", dir=args.dir) as folder:
        port = free_port()
        service = start_service(folder, port)
        try:
            cpu_before = cpu_seconds(service.pid)
            results = asyncio.run(run_load(port, hits, seconds, connections, args.visitors))
            server_cpu = cpu_seconds(service.pid) - cpu_before
        finally:
            service.terminate()
            service.wait(timeout=15)
        print(f"cơ sở dữ liệu tạm: {folder}")
        report_hits(results, server_cpu, connections)


# --- storage ---------------------------------------------------------------------------


def longest_page(n):
    """A page path as long as the default patterns allow (a 200-character slug), distinct per ``n``."""
    slug = f"{n:08d}" + "x" * 192
    return f"/bai-viet/2025/{slug}.html"


def measure_storage(args):
    """File size with MAX_PATHS page rows and MAX_ONLINE visitor rows, written in random order."""
    with tempfile.TemporaryDirectory(prefix="counter-size-", dir=args.dir) as folder:
        db = Path(folder) / "counter.sqlite3"
        CounterStore(db).close()  # the real schema
        pages = [longest_page(n) for n in range(args.max_paths)] + [OTHER_PATHS]
        visitors = [f"{n:016x}" + "v" * 48 for n in range(args.max_online)]
        random.shuffle(pages)
        random.shuffle(visitors)
        with sqlite3.connect(db) as conn:  # one transaction: the rows, not the speed, are measured
            conn.executemany("INSERT INTO page_views VALUES (?, ?, ?)", ((p, 2**40, 1e9) for p in pages))
            conn.executemany("INSERT INTO seen VALUES (?, ?)", ((v, 1e9) for v in visitors))
        conn.close()
        size = db.stat().st_size
        print(f"{len(pages)} dòng trang (đường dẫn {len(longest_page(0))} ký tự)", end=", ")
        print(f"{len(visitors)} người xem (mã 64 ký tự)")
        print(f"kích thước tệp: {size / 1e6:.1f} MB")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m counter.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=["hits", "storage"], default="hits")
    parser.add_argument("--hits", type=int, default=20_000, help=f"số lượt gửi tối đa (≤ {MAX_HITS})")
    parser.add_argument("--seconds", type=float, default=30, help=f"thời gian tối đa (≤ {MAX_SECONDS} s)")
    parser.add_argument(
        "--connections", type=int, default=16, help=f"số kết nối đồng thời (≤ {MAX_CONNECTIONS})"
    )
    parser.add_argument("--visitors", type=int, default=5000, help="số người xem khác nhau")
    parser.add_argument("--port", type=int, help="đo một dịch vụ đang chạy ở 127.0.0.1:PORT thay vì tự chạy")
    parser.add_argument("--dir", help="thư mục đặt cơ sở dữ liệu tạm (mặc định thư mục tạm của hệ thống)")
    parser.add_argument("--max-paths", type=int, default=MAX_PATHS, help="(storage) số dòng trang")
    parser.add_argument("--max-online", type=int, default=MAX_ONLINE, help="(storage) số người xem")
    args = parser.parse_args(argv)
    if args.mode == "storage":
        measure_storage(args)
    else:
        measure_hits(args)


if __name__ == "__main__":
    main()
