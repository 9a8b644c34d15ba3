"""``invoke dev.bench``: plain Pelican vs this project's build, on the same generated content.

For each ``--articles N``, one corpus is generated (trangxa/bench/generate.py) and built
by separate ``pelican`` processes:

1. plain Pelican: default theme, ``PLUGINS = []``, default feeds, no cache;
1b. (1), then Pagefind over its whole output, as Pagefind's docs add search to any static
   site generator (the project's pinned Pagefind, ``python -m pagefind --site``);
2. the project's full build with its publish settings, into an empty folder;
3. the project's rebuild after adding one article (into the same folder);
4. the project's rebuild after editing one article's body;
5. a publish from CI: a fresh clone (the content copied back with new modification
   times), the cache and the previous output restored as the CI cache restores them,
   one new article, a rebuild; then what rsync sends against the previous deploy.

The project's builds use a copy of its settings, theme and plugins (the package
``trangxa``, imported from the copy through PYTHONPATH) taken when the run starts, so
that work in progress saved during a long run does not mix revisions.
Reported per build: wall and CPU time, peak memory, the ratios to
(1) and (1b), the number of output files, and for (3) and (4) the files whose content
was added, changed or removed (every file hashed before and after).
Measurement only: nothing here changes the project. See docs/benchmark.md.

    python -m trangxa.bench.run --articles 1000 --articles 10000 --report /tmp/results.md
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from trangxa.bench import warm
from trangxa.bench.generate import add_article, edit_article, generate

ROOT = Path(__file__).resolve().parents[2]  # the project folder
# What a build reads of the project. trangxa too: a plugin file saved during a run would change
# every page's key (trangxa.incremental_output), so the builds import the copy (PYTHONPATH).
SNAPSHOT = ("pelicanconf.py", "publishconf.py", "theme", "trangxa")
SITEURL = "https://example.gov.vn"
COUNTER_URL = "https://example.gov.vn/api/counter"
POLL_SECONDS = 0.05
BUILDS = {
    "plain": "(1) plain Pelican",
    "plain_search": "(1b) plain Pelican + Pagefind",
    "full": "(2) project, full build",
    "add": "(3) project, +1 article",
    "edit": "(4) project, 1 article edited",
    "ci": "(5) project, CI: fresh clone + cache, +1 article",
    "warm": "(6) make serve (warm): 1 article saved → on disk",  # trangxa/bench/warm.py
}
# The newest article of (5): after the one (3) adds (15/11/2026 20:55), so it tops every list too.
CI_ARTICLE_MOMENT = datetime.datetime(2026, 11, 15, 21, 40)
PLAIN_SETTINGS = """\
# Plain Pelican baseline written by trangxa/bench/run.py: default theme, no plugins
# (an empty list, so no installed namespace plugin loads), default feeds, no cache.
SITEURL = {siteurl!r}
SITENAME = "Xã Tân Hòa (benchmark)"
AUTHOR = "Ban biên tập"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"  # as the project: its pages' translations (lien-he.en.md) are the other language
PLUGINS = []
ARTICLE_PATHS = ["bai-viet"]
PAGE_PATHS = ["trang"]
STATIC_PATHS = ["images"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# Pages naming a template of the project's theme are shown with the default theme's page.html.
THEME_TEMPLATES_OVERRIDES = [{templates!r}]
"""
PAGE_TEMPLATE = re.compile(r"^template\s*:\s*[\"']?([\w.-]+)", re.IGNORECASE | re.MULTILINE)
CACHE_PROBE = (
    "import json, sys\n"
    "from pelican.settings import read_settings\n"
    "s = read_settings(sys.argv[1], override={'PATH': sys.argv[2]})\n"
    "print(json.dumps(bool(s.get('CACHE_CONTENT') or s.get('LOAD_CONTENT_CACHE'))))\n"
)


class BuildFailed(RuntimeError):
    pass


@dataclass
class Build:
    kind: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the build and the children it waited for
    largest_mb: float  # peak RSS of the largest single process of the build (os.wait4)
    pelican_mb: float | None  # peak RSS of the Pelican process (VmHWM), Linux only
    total_mb: float | None  # peak of the summed RSS of all its processes, sampled, Linux only
    files: int  # files in the output folder afterwards
    added: int | None = None
    changed: int | None = None
    removed: int | None = None
    where: dict = field(default_factory=dict)  # top folder -> [added, changed, removed]
    search_wall: float | None = None  # (1b): Pagefind's part of the wall time
    sent: int | None = None  # (5): files rsync sends against the previous deploy
    deleted: int | None = None  # (5): files rsync deletes from it


@dataclass
class SizeResult:
    articles: int
    words: int
    generate_seconds: float
    added_article: str = ""
    edited: str = ""
    ci_article: str = ""
    builds: list = field(default_factory=list)

    def build(self, kind):
        return next((b for b in self.builds if b.kind == kind), None)


# --- Running and measuring -----------------------------------------------------------


def pelican_command():
    script = Path(sys.executable).parent / "pelican"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pelican"]


def run_build(kind, command, env, cwd, log_path):
    """Run one build and measure it; raise BuildFailed (with the log's end) if it fails.

    CPU time and the largest process come from ``os.wait4`` (children the build
    waited for included: Pagefind, reader processes), as GNU ``time -v``.
    Pelican's own peak is its VmHWM and the whole tree's the largest sum of
    VmRSS seen, both polled from /proc every POLL_SECONDS while it runs.
    """
    pelican_peak = total_peak = None
    with open(log_path, "wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            pelican_peak = _max(pelican_peak, high_water_mark(process.pid))
            total_peak = _max(total_peak, tree_rss(process.pid))
            time.sleep(POLL_SECONDS)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = Path(log_path).read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BuildFailed(f"{' '.join(command)} exited {process.returncode}; log {log_path}:\n{tail}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    largest = usage.ru_maxrss * scale / 2**20
    return Build(
        kind, wall, usage.ru_utime + usage.ru_stime, largest, _mib(pelican_peak), _mib(total_peak), 0
    )


def _max(current, value):
    return current if value is None else max(current or 0, value)


def _mib(kib):
    return None if kib is None else kib / 1024


def high_water_mark(pid):
    """VmHWM of a running process in KiB, or None where /proc does not tell."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def tree_rss(root):
    """Summed VmRSS (KiB) of ``root`` and its descendants now, or None without /proc."""
    children = {}
    try:
        entries = [entry.name for entry in os.scandir("/proc") if entry.name.isdigit()]
    except OSError:
        return None
    for name in entries:
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                data = stat.read()
        except OSError:
            continue
        parent = int(data[data.rindex(b")") + 2 :].split()[1])  # "pid (comm) state ppid …"
        children.setdefault(parent, []).append(int(name))
    total, todo, page_kib = 0, [root], os.sysconf("SC_PAGE_SIZE") // 1024
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * page_kib
        except (OSError, ValueError, IndexError):
            continue
    return total


def hash_tree(folder):
    """{relative path: digest} of every file under ``folder``."""
    digests = {}
    for path in Path(folder).rglob("*"):
        if path.is_file():
            digests[path.relative_to(folder).as_posix()] = hashlib.blake2b(path.read_bytes()).hexdigest()
    return digests


def compare(before, after):
    """(added, changed, removed, {top folder: [added, changed, removed]})."""
    where = {}
    added = [p for p in after if p not in before]
    changed = [p for p in after if p in before and before[p] != after[p]]
    removed = [p for p in before if p not in after]
    for column, paths in enumerate((added, changed, removed)):
        for path in paths:
            # index.html, sitemap.xml… -> "(root)"; trang-2/, trang-3/… (the home page's pages) -> "trang-N"
            top = re.sub(r"\d+", "N", path.split("/", 1)[0]) if "/" in path else "(root)"
            where.setdefault(top, [0, 0, 0])[column] += 1
    return len(added), len(changed), len(removed), dict(sorted(where.items()))


def snapshot_project(target):
    """Copy the project's settings and theme: builds (2)-(4) use this copy."""
    target.mkdir(parents=True)
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def uses_cache(settings_file, env):
    """Whether the settings turn Pelican's content cache on (the harness never does).

    Read in a separate process, as the builds are.
    """
    result = subprocess.run(
        [sys.executable, "-c", CACHE_PROBE, str(settings_file), str(settings_file.parent)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_size(size, workdir, seed, settings_file, env, log=print, warm_edits=True):
    """Generate ``size`` articles under ``workdir`` and run the four builds."""
    workdir.mkdir(parents=True)
    corpus_dir, logs = workdir / "content", workdir / "logs"
    logs.mkdir()
    started = time.perf_counter()
    corpus = generate(corpus_dir, size, seed)
    result = SizeResult(size, corpus.words, time.perf_counter() - started)
    log(f"[{size}] generated {size} articles, {corpus.words:,} words in {result.generate_seconds:.1f} s")
    pelican = pelican_command()

    plain_settings = workdir / "plainconf.py"
    templates = plain_templates(corpus_dir, workdir / "plain-templates")
    plain_settings.write_text(
        PLAIN_SETTINGS.format(siteurl=env["SITEURL"], templates=str(templates)), encoding="utf-8"
    )
    plain_out = workdir / "out-plain"
    command = [*pelican, str(corpus_dir), "-o", str(plain_out), "-s", str(plain_settings)]
    build = run_build("plain", command, env, workdir, logs / "1-plain.log")
    build.files = len(hash_tree(plain_out))
    result.builds.append(build)
    log(f"[{size}] {BUILDS['plain']}: {build.wall:.1f} s")
    build = plain_with_search(build, plain_out, env, workdir, logs / "1b-pagefind.log")
    result.builds.append(build)
    log(f"[{size}] {BUILDS['plain_search']}: {build.wall:.1f} s (Pagefind {build.search_wall:.1f} s)")

    out = workdir / "out-project"
    command = [*pelican, str(corpus_dir), "-o", str(out), "-s", str(settings_file)]
    if uses_cache(settings_file, env):  # one cache for (2)-(4), a fresh one per size
        command += ["-e", f"CACHE_PATH={json.dumps(str(workdir / 'cache'))}"]
    project = settings_file.parent
    build = run_build("full", command, env, project, logs / "2-full.log")
    before = hash_tree(out)
    build.files = len(before)
    result.builds.append(build)
    log(f"[{size}] {BUILDS['full']}: {build.wall:.1f} s")

    edited = corpus.articles[len(corpus.articles) // 2]  # generation order: a random date
    changes = {"add": lambda: add_article(corpus_dir, seed), "edit": lambda: edit_article(edited)}
    for number, (kind, change) in enumerate(changes.items(), start=3):
        path = change()
        setattr(
            result, "added_article" if kind == "add" else "edited", path.relative_to(corpus_dir).as_posix()
        )
        build = run_build(kind, command, env, project, logs / f"{number}-{kind}.log")
        after = hash_tree(out)
        build.files = len(after)
        build.added, build.changed, build.removed, build.where = compare(before, after)
        result.builds.append(build)
        log(
            f"[{size}] {BUILDS[kind]}: {build.wall:.1f} s, "
            f"{build.added} added, {build.changed} changed, {build.removed} removed"
        )
        before = after
    build = ci_publish(corpus_dir, out, workdir, command, env, project, logs, seed)
    result.ci_article = build.pop("article")
    result.builds.append(build["build"])
    log(
        f"[{size}] {BUILDS['ci']}: {build['build'].wall:.1f} s, {build['build'].changed} changed; "
        f"rsync sends {build['build'].sent} files, deletes {build['build'].deleted}"
    )
    if warm_edits:  # (6): the dev server kept warm, with pelicanconf.py, on the same corpus
        article = corpus.articles[len(corpus.articles) // 3]
        result.builds.append(warm.bench_build(corpus_dir, article, project, workdir, env, log))
    return result


def plain_templates(corpus_dir, folder):
    """Templates that Pelican's default theme lacks and pages of the corpus name (``Template:
    lien-he``): each one the default page template, so that plain Pelican builds every page."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in (corpus_dir / "trang").rglob("*.md"):
        for name in PAGE_TEMPLATE.findall(page.read_text(encoding="utf-8")):
            (folder / f"{name.removesuffix('.html')}.html").write_text('{% extends "page.html" %}\n')
    return folder


def pagefind_command(site):
    """Pagefind over a whole site, as its docs add search to any generator: the project's
    pinned binary (as trangxa.search_index runs it), Vietnamese as the project's builds."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "vi", "--silent"]


def plain_with_search(plain, plain_out, env, cwd, log_path):
    """(1b): build (1) followed by Pagefind over its output; times and memory of both."""
    search = run_build("plain_search", pagefind_command(plain_out), env, cwd, log_path)
    return Build(
        "plain_search",
        plain.wall + search.wall,
        plain.cpu + search.cpu,
        max(plain.largest_mb, search.largest_mb),
        plain.pelican_mb,
        _max(plain.total_mb, search.total_mb),
        len(hash_tree(plain_out)),
        search_wall=search.wall,
    )


def fresh_copy(folder, keep_times):
    """Replace ``folder`` by a copy of itself at the same path: with new modification times
    (a fresh ``git clone``) or with the same ones (a cache restored from its tar archive)."""
    folder = Path(folder)
    copy = folder.with_name(f"{folder.name}.copy")
    shutil.copytree(folder, copy, copy_function=shutil.copy2 if keep_times else shutil.copyfile)
    shutil.rmtree(folder)
    copy.rename(folder)


def rsync_deploy(output, dest, release, previous=None):
    """Upload ``output`` as the project's rsync deploy does (trangxa.publishing); return
    (files sent, files deleted) from rsync's itemized changes."""
    from trangxa.publishing import Dest, rsync_command  # noqa: PLC0415 (invoke is only needed here)

    (Path(dest) / "releases").mkdir(parents=True, exist_ok=True)
    command = rsync_command(output, Dest(None, str(dest)), release, link_dest=previous)
    lines = subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()
    sent = sum(1 for line in lines if line.startswith((">f", "<f")))
    deleted = sum(1 for line in lines if line.startswith("*deleting") and not line.endswith("/"))
    return sent, deleted


def ci_publish(corpus_dir, out, workdir, command, env, project, logs, seed):
    """(5): the output of (4) is deployed, then a CI run starts from a fresh clone with the
    cache folder and the previous output restored, one article is added and the site
    rebuilt; the new output is deployed with rsync against the previous deploy."""
    dest = workdir / "deploy"
    rsync_deploy(out, dest, "A")
    fresh_copy(corpus_dir, keep_times=False)  # git clone: every file gets a new time
    for folder in (workdir / "cache", out):  # actions/cache, GitLab cache: archives keep the times
        if folder.exists():
            fresh_copy(folder, keep_times=True)
    before = hash_tree(out)
    path = add_article(corpus_dir, seed, moment=CI_ARTICLE_MOMENT)
    build = run_build("ci", command, env, project, logs / "5-ci.log")
    after = hash_tree(out)
    build.files = len(after)
    build.added, build.changed, build.removed, build.where = compare(before, after)
    build.sent, build.deleted = rsync_deploy(out, dest, "B", previous="A")
    return {"build": build, "article": path.relative_to(corpus_dir).as_posix()}


# --- Report -------------------------------------------------------------------------------


def _n(value):
    return "" if value is None else f"{value:,}"


def _mb(value):
    return "" if value is None else f"{value:,.0f}"


def render(results, meta):
    lines = [
        "# Build benchmark: plain Pelican vs this project",
        "",
        f"- Run: {meta['date']} on {meta['platform']}; `os.cpu_count()` = {meta['cpus']}; "
        f"load average before: {meta['load_before']}, after: {meta['load_after']}",
        f"- Project: revision {meta['revision']} (copied when the run started); Python {meta['python']}, "
        f"Pelican {meta['pelican']}, Markdown {meta['markdown']}, Pagefind {meta['pagefind']}",
        f"- Project settings: `{meta['settings']}` (Pelican content cache: {meta['cache']}); "
        f"SITEURL={meta['siteurl']}; COUNTER_URL={meta['counter_url'] or '(unset)'}; seed {meta['seed']}",
        "- Wall and CPU seconds; peak memory (RSS, MB) of the largest single process (Pelican, Pagefind "
        "or a reader process), of the Pelican process, and of all processes of the build together; "
        "“× plain” = wall time / wall time of (1), “× (1b)” / wall time of (1b); Added / Changed / "
        "Removed = output files whose content differs from the previous build's; Sent = files rsync "
        "uploads against the previous deploy (and deletes). See docs/benchmark.md.",
        "",
        "| Articles | Build | Wall (s) | CPU (s) | Largest process (MB) | Pelican (MB) | All processes (MB) "
        "| × plain | × (1b) | Output files | Added | Changed | Removed | Sent (deleted) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        plain = result.build("plain").wall
        peer = result.build("plain_search")
        for build in result.builds:
            sent = "" if build.sent is None else f"{build.sent:,} ({build.deleted:,})"
            lines.append(
                f"| {result.articles:,} | {BUILDS[build.kind]} | {build.wall:.1f} | {build.cpu:.1f} "
                f"| {_mb(build.largest_mb)} | {_mb(build.pelican_mb)} | {_mb(build.total_mb)} "
                f"| {build.wall / plain:.2f} | {build.wall / peer.wall if peer else 0:.2f} | {build.files:,} "
                f"| {_n(build.added)} | {_n(build.changed)} | {_n(build.removed)} | {sent} |"
            )
    lines += ["", "## Targets", ""]
    for result in results:
        lines += targets(result)
    lines += ["", "## Corpus", ""]
    for result in results:
        lines.append(
            f"- {result.articles:,} articles: {result.words:,} words, generated in "
            f"{result.generate_seconds:.1f} s; (3) added `{result.added_article}`, "
            f"(4) edited `{result.edited}`, (5) added `{result.ci_article}`"
        )
    if len(results) > 1:
        lines += growth(results)
    lines += ["", "## Where the output changed (added / changed / removed files per top folder)", ""]
    for result in results:
        for build in result.builds:
            if build.where:
                parts = ", ".join(f"`{top}` {a}/{c}/{r}" for top, (a, c, r) in build.where.items())
                lines.append(f"- {result.articles:,}, {BUILDS[build.kind]}: {parts}")
    return "\n".join(lines) + "\n"


def growth(results):
    ordered = sorted(results, key=lambda r: r.articles)
    pairs = list(zip(ordered, ordered[1:], strict=False))
    header = " | ".join(
        f"{a.articles:,} → {b.articles:,} (articles ×{b.articles / a.articles:.1f})" for a, b in pairs
    )
    lines = ["", "## Growth (wall time at the larger size / at the smaller)", ""]
    lines += [f"| Build | {header} |", "|---|" + "---:|" * len(pairs)]
    for kind in BUILDS:
        ratios = " | ".join(
            f"×{b.build(kind).wall / a.build(kind).wall:.1f}" if a.build(kind) and b.build(kind) else ""
            for a, b in pairs
        )
        lines.append(f"| {BUILDS[kind]} | {ratios} |")
    return lines


def targets(result):
    """The issues' targets, met or not, at one size (docs/benchmark.md)."""
    full, peer, ci = result.build("full"), result.build("plain_search"), result.build("ci")
    project = [build for build in result.builds if build.kind not in ("plain", "plain_search", "warm")]
    largest = max(build.pelican_mb or build.largest_mb for build in project)

    def verdict(ok):
        return "met" if ok else "**not met**"

    ratio = full.wall / peer.wall
    return [
        f"- {result.articles:,} articles: full build / (1b) = {ratio:.2f} (≤ 0.7: {verdict(ratio <= 0.7)}; "
        f"CPU time {full.cpu / peer.cpu:.2f} of (1b)'s); "
        f"CI publish (5) {ci.wall:.1f} s (≤ 10 s: {verdict(ci.wall <= 10)}), rsync sends {ci.sent} files "
        f"(≤ 40: {verdict(ci.sent <= 40)}); Pelican's peak {largest:,.0f} MB "
        f"(≤ 400 MB: {verdict(largest <= 400)})"
    ] + warm.target(result.build("warm"), verdict)


def metadata(args, settings_file, env):
    def package(name):
        try:
            return version(name)
        except Exception:
            return "?"

    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pelican": package("pelican"),
        "markdown": package("markdown"),
        "pagefind": package("pagefind"),
        "settings": args.settings,
        "cache": "on" if uses_cache(settings_file, env) else "off",
        "siteurl": args.siteurl,
        "counter_url": args.counter_url,
        "seed": args.seed,
        "revision": git_revision(),
        "load_before": load_average(),
    }


def git_revision():
    """Commit of the project measured, with "+ N changed files" when the work tree differs."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return f"{commit} + {len(status)} changed files" if status else commit


def load_average():
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size; repeat for several")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--report", help="write the Markdown report to this file too")
    parser.add_argument("--json", help="write the raw results as JSON to this file")
    parser.add_argument("--settings", default="publishconf.py", help="the project's settings file (name)")
    parser.add_argument("--workdir", help="keep corpora, outputs and logs here (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="do not delete the temporary folder")
    parser.add_argument("--siteurl", default=SITEURL)
    parser.add_argument("--counter-url", default=COUNTER_URL, help="COUNTER_URL; empty hides the counter")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    env = dict(os.environ, SITEURL=args.siteurl, COUNTER_URL=args.counter_url)
    env.pop("COUNTER_BACKEND", None)
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-"))
    keep = bool(args.workdir or args.keep)
    settings_file = snapshot_project(workdir / "project") / args.settings
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(settings_file.parent), env.get("PYTHONPATH")]))
    meta = metadata(args, settings_file, env)
    results = []
    try:
        for size in args.articles or [1000]:
            results.append(bench_size(size, workdir / f"n{size}", args.seed, settings_file, env))
            if not keep:
                shutil.rmtree(workdir / f"n{size}")
    except BuildFailed as error:
        print(f"bench: {error}\nFiles kept in {workdir}", file=sys.stderr)
        return 1
    meta["load_after"] = load_average()
    report = render(results, meta)
    print(report)
    if args.report:
        Path(args.report).write_text(report, encoding="utf-8")
    if args.json:
        data = {"meta": meta, "results": [asdict(r) for r in results]}
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if not keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
