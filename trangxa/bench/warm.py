"""Bench step (5): ``make serve`` kept warm — one article saved → the change in the output.

The dev server's loop runs as ``make serve`` runs it (``trangxa.devserver.rebuild_on_changes``:
the file watcher, the warm builder in its own process, pelicanconf.py) on the bench's corpus,
into its own output and cache folders. After the first build and one untimed save, one
article is saved ``edits`` times (a word added to its body); each time, the seconds from the
save to its page holding the new word (the output file polled every 10 ms) and to the end of
the build are measured. Reported: the median and the list. See docs/benchmark.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

POLL_SECONDS = 0.01


def process_cpu(pid):
    """User + system seconds of ``pid`` and of the children it waited for (/proc), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def find_page(output, word):
    command = ["grep", "-rl", "--include=*.html", word, str(output)]
    found = subprocess.run(command, capture_output=True, text=True)
    pages = found.stdout.split()
    return Path(pages[0]) if pages else None


def save(article, word):
    text = article.read_text(encoding="utf-8").rstrip("\n")
    article.write_text(f"{text} {word}\n", encoding="utf-8")


def wait_until(condition, timeout):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if condition():
                return time.perf_counter()
        except FileNotFoundError:  # the writer replaces a page: removed, then written anew
            pass
        time.sleep(POLL_SECONDS)
    return None


def measure(corpus, article, settings_file, workdir, edits=3, timeout=600):
    """Run the warm dev server on ``corpus``; time ``edits`` saves of ``article``."""
    from trangxa import devserver  # noqa: PLC0415 (imports Pelican and the plugins)
    from trangxa.bench.run import high_water_mark  # noqa: PLC0415
    from trangxa.warm import BuilderProcess  # noqa: PLC0415

    output, cache = Path(workdir) / "out-warm", Path(workdir) / "cache-warm"
    overrides = {"PATH": str(corpus), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache)}
    builder = BuilderProcess(str(settings_file), overrides)
    builds, stop = [], threading.Event()
    loop = threading.Thread(
        target=devserver.rebuild_on_changes,
        args=(str(settings_file), overrides, stop, lambda: builds.append(time.perf_counter())),
        kwargs={"builder": builder},
        daemon=True,
    )
    started = time.perf_counter()
    loop.start()
    result = {"visible": [], "built": [], "cpu": [], "first_build": None, "load": []}
    try:
        if wait_until(lambda: builds, timeout) is None:
            raise RuntimeError("the warm server's first build did not end")
        result["first_build"] = builds[0] - started
        word = f"WARMUP{time.time_ns()}"
        save(article, word)
        if wait_until(lambda: len(builds) >= 2, timeout) is None:
            raise RuntimeError("the warm server did not rebuild after a save")
        page = find_page(output / "bai-viet", word)
        for number in range(edits):
            time.sleep(1.0)  # the watcher's and the previous build's dust settles
            count, word = len(builds), f"WARM{number}X{time.time_ns()}"
            cpu = process_cpu(builder.process.pid)
            saved = time.perf_counter()
            save(article, word)
            seen = wait_until(lambda w=word: w in page.read_text(encoding="utf-8"), timeout)
            done = wait_until(lambda c=count: len(builds) > c, timeout)
            if seen is None or done is None:
                raise RuntimeError("the saved article did not reach the output")
            result["visible"].append(seen - saved)
            result["built"].append(done - saved)
            after = process_cpu(builder.process.pid)
            result["cpu"].append(None if cpu is None or after is None else after - cpu)
            result["load"].append(os.getloadavg()[0])
        result["builder_mb"] = (high_water_mark(builder.process.pid) or 0) / 1024 or None
    finally:
        stop.set()
        os.utime(article)  # wakes the watcher so that it sees the stop
        loop.join(timeout)
        builder.close()
    result["median"] = statistics.median(result["visible"])
    return result


def bench_build(corpus, article, project, workdir, env, log=print):
    """(6) as a row of the bench's table: wall = median seconds from a save to the page on disk.

    Run as ``python -m trangxa.bench.warm`` from the project's copy, with the bench's
    environment (its PYTHONPATH: the copy's plugins), as the other builds are."""
    from trangxa.bench.run import Build, BuildFailed  # noqa: PLC0415 (run imports this module)

    settings = project / "pelicanconf.py"
    command = [sys.executable, "-m", "trangxa.bench.warm", *map(str, (corpus, article, settings, workdir))]
    done = subprocess.run(command, env=env, cwd=project, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    cpus = [cpu for cpu in result["cpu"] if cpu is not None]
    files = sum(len(names) for _, _, names in os.walk(Path(workdir) / "out-warm"))
    cpu = statistics.median(cpus) if cpus else 0.0
    build = Build("warm", result["median"], cpu, result["builder_mb"], None, None, files)
    visible = ", ".join(f"{seconds:.2f}" for seconds in result["visible"])
    built = ", ".join(f"{seconds:.1f}" for seconds in result["built"])
    loads = ", ".join(f"{load:.1f}" for load in result["load"])
    log(
        f"[warm] first build {result['first_build']:.1f} s; saved → visible {visible} s (median "
        f"{result['median']:.2f}); build ended after {built} s; load average {loads}"
    )
    return build


def target(build, verdict):
    """The issue's target line for (6), or nothing when it was not run."""
    if build is None:
        return []
    seconds = build.wall
    met = verdict(seconds <= 2)
    return [f"  - `make serve` kept warm: a saved article on disk in {seconds:.2f} s (≤ 2 s: {met})"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("article")
    parser.add_argument("settings")
    parser.add_argument("workdir")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    paths = [Path(path) for path in (args.corpus, args.article, args.settings, args.workdir)]
    result = measure(*paths, args.edits)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
