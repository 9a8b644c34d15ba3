"""Project tasks (invoke). ``.venv/bin/invoke --list`` shows them all.

The tasks editors and operators use have Vietnamese help; the developers' tasks
(test, bench, audit) are grouped apart as ``dev.test``, ``dev.bench``, ``dev.audit``.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from invoke import Collection, task

from trangxa import publishing

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
PELICAN = str(VENV_BIN / "pelican")
CONTENT = "content"
OUTPUT = "output"  # the publishing build (make publish); deploy sends this folder
DEV_OUTPUT = "output-dev"  # the development build (make build, make serve): OUTPUT_PATH of pelicanconf.py
PORT = int(os.environ.get("PORT", 8000))
COUNTER_PORT = int(os.environ.get("COUNTER_PORT", 8001))
COUNTER_DB = HERE / ".counter" / "counter.sqlite3"


def _pelican(c, settings, *extra):
    """Run Pelican; without ``-o`` it writes to the settings' OUTPUT_PATH."""
    c.run(f"{PELICAN} {CONTENT} -s {settings} {' '.join(extra)}", pty=False)


@task
def clean(c):
    """Xóa các bản dựng (output-dev/, output/, .output-build/) và bộ nhớ đệm.

    Remove the generated sites, the kept publishing build and the caches.
    """
    for folder in (OUTPUT, DEV_OUTPUT, f".{OUTPUT}-build", "cache", "__pycache__", ".pytest_cache"):
        shutil.rmtree(HERE / folder, ignore_errors=True)


@task
def build(c):
    """Dựng trang để xem thử trên máy, vào thư mục output-dev/.

    Build the site with the development settings into output-dev/.
    """
    _pelican(c, "pelicanconf.py")


@task
def rebuild(c):
    """Dựng lại từ đầu (xóa output-dev/ trước).

    Build from scratch: output-dev/ is deleted first.
    """
    _pelican(c, "pelicanconf.py", "--delete-output-directory")


@task(help={"port": "Cổng của trang (mặc định 8000)", "counter-port": "Cổng của bộ đếm (mặc định 8001)"})
def serve(c, port=PORT, counter_port=COUNTER_PORT):
    """Dựng, mở trang tại http://localhost:8000 và dựng lại mỗi khi lưu bài (make serve).

    Build into output-dev/, serve at http://localhost:8000 and rebuild when content changes.

    The visitor counter service runs next to it (port 8001), so the counter box works; the
    pages are built to call it on the port given. Both ports can be chosen
    (``make serve PORT=8010 COUNTER_PORT=8011``); a busy one is one Vietnamese line.
    The published site (output/) is never touched: `make publish` can run at the same time.
    """
    from trangxa.devserver import ensure_port_is_free  # noqa: PLC0415
    from trangxa.devserver import serve as serve_site

    port, counter_port = int(port), int(counter_port)
    ensure_port_is_free(counter_port, "bộ đếm truy cập", "COUNTER_PORT")
    service = subprocess.Popen(counter_command(site_port=port, port=counter_port))
    editor = start_editor(port)  # the web editor at /admin/ when Node.js is there (trangxa.cms.local)
    try:
        addresses = {
            "COUNTER_URL": f"http://localhost:{counter_port}",
            "FEED_DOMAIN": f"http://localhost:{port}",
        }
        if editor:
            from trangxa.cms import local as cms_local  # noqa: PLC0415

            addresses.update(cms_local.settings_overrides())
        serve_site("pelicanconf.py", port=port, overrides=addresses)
    finally:
        if editor:
            editor.terminate()
            editor.wait(timeout=10)
        service.terminate()
        service.wait(timeout=10)


def start_editor(port=PORT):
    """decap-server for /admin/ (port 8081), or None and one Vietnamese line saying how to enable it."""
    from trangxa.cms import local as cms_local  # noqa: PLC0415

    missing = cms_local.why_not_available()
    if missing:
        print(missing, flush=True)
        return None
    where = f"http://localhost:{port}/admin/"
    print(f"Trình biên tập web: {where} (lưu thẳng vào content/ của máy này)", flush=True)
    return cms_local.start_server()


@task(help={"port": "Cổng của trang (mặc định 8000)", "counter-port": "Cổng của bộ đếm (mặc định 8001)"})
def cms(c, port=PORT, counter_port=COUNTER_PORT):
    """Viết bài trên trình duyệt: như make serve, kèm trình biên tập tại http://localhost:8000/admin/.

    Serve the site with the web editor (Decap CMS, docs/operators/bien-tap-tren-web.md).

    Needs Node.js; the first run installs the editor's pinned packages (npm ci --prefix cms).
    Decap's local server (decap-server, files mode, port 8081, 127.0.0.1 only) saves into this
    working copy's content/, with no account; `git` then commits as usual.
    """
    from trangxa.cms import local as cms_local  # noqa: PLC0415

    if not cms_local.node():
        raise SystemExit(cms_local.NO_NODE)
    if not cms_local.installed():
        cms_local.install()
    serve(c, port=port, counter_port=counter_port)


def counter_command(site_port=PORT, port=COUNTER_PORT, db=COUNTER_DB):
    """`python -m counter` with the figures of pelicanconf.py, for the dev site's origins."""
    from pelican.settings import read_settings  # noqa: PLC0415

    settings = read_settings(str(HERE / "pelicanconf.py"))
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    return [
        sys.executable, "-m", "counter", "--db", str(db), "--port", str(port),
        "--origin", f"http://localhost:{site_port}", "--origin", f"http://127.0.0.1:{site_port}",
        "--base", str(settings.get("COUNTER_BASE", 0)),
        "--online-window", str(settings.get("COUNTER_ONLINE_WINDOW", 300)),
    ]  # fmt: skip


@task
def counter(c, port=COUNTER_PORT, db=str(COUNTER_DB)):
    """Chạy riêng dịch vụ đếm lượt truy cập (dữ liệu trong .counter/; xem docs/counter.md).

    Run the visitor counter service alone (SQLite file in .counter/).
    """
    subprocess.run(counter_command(port=port, db=db), check=True)


@task
def preview(c, path):
    """Xem trước một bài: invoke preview content/bai-viet/<năm>/<bài>.md (chưa đầy một giây).

    Build one article alone into output-dev/xem-truoc/ (under a second, whatever the site's size).

    Only that file and the pages are read, so "Thông tin khác" stays empty; the page says
    "Bản xem trước — chưa đăng"; `make serve` shows it at http://localhost:8000/xem-truoc/…
    """
    source = Path(path).resolve()
    relative = source.relative_to((HERE / CONTENT).resolve()).as_posix()
    target = HERE / DEV_OUTPUT / "xem-truoc"
    overrides = [
        f'ARTICLE_PATHS=["{relative}"]', "STATIC_PATHS=[]", "DIRECT_TEMPLATES=[]",
        "SEARCH_INDEX=false", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false",
        "RESPONSIVE_IMAGE_WIDTHS=[]",  # Pelican copies the photos the article links; no resized copies
        "PREVIEW=true",  # the banner "Bản xem trước — chưa đăng"; the pages (menu) are read as usual
    ]  # fmt: skip
    _pelican(c, "pelicanconf.py", f"-o {target}", "-e", *(f"'{o}'" for o in overrides))
    pages = sorted((target / "bai-viet").rglob("*.html"), key=lambda p: p.stat().st_mtime)
    if pages:
        print(f"Xem trước: http://localhost:{PORT}/xem-truoc/{pages[-1].relative_to(target).as_posix()}")


@task
def publish(c, content=CONTENT, output=OUTPUT):
    """Dựng bản để đăng (nghiêm ngặt, vào output/); có lỗi thì output/ giữ nguyên (make publish).

    Strict build for publishing (publishconf.py); output/ is updated only on success.

    The site is built into a folder kept next to output/ (``.output-build/``), where a
    rebuild writes only the pages whose inputs changed (trangxa.incremental_output).
    When the build succeeded, the files that differ are copied into output/ (each one
    replaced in a single rename) and the files gone are removed; a broken commit
    never touches output/.
    """
    publishing.publish(c, content=content, output=output)


@task(help={"skip-build": "Đăng output/ như đang có; phải là bản `make publish` chưa bị sửa."})
def deploy(c, skip_build=False, content=CONTENT, output=OUTPUT):
    """Dựng bản để đăng rồi đưa lên máy chủ đã cấu hình (DEPLOY_TARGET; xem docs/operators/).

    Strict build (invoke publish), then upload output/ to DEPLOY_TARGET (trangxa/publishing.py).
    """
    publishing.deploy(c, skip_build=skip_build, content=content, output=output)


@task(help={"release": "Tên bản muốn quay lại (mặc định: bản ngay trước bản đang chạy)."})
def rollback(c, release=None):
    """Quay lại bản đăng trước đó trên máy chủ riêng (rsync), ngay tức thì.

    Point DEPLOY_RSYNC_DEST/current back to the previous complete release (atomic switch).
    """
    publishing.rollback(c, release=release)


@task
def check(c, content=CONTENT, settings="pelicanconf.py"):
    """Kiểm tra mọi bài viết (không tạo trang): lỗi, cảnh báo, bản nháp, tổ chức tự gắn.

    Check the content only (no HTML written); exit non-zero on any error.
    """
    from trangxa.content_checks.check import main  # noqa: PLC0415

    errors = main(str(HERE / settings), PATH=str(Path(content).resolve()))
    if errors:
        sys.exit(1)


AUDIT_PAGES = ("", "bai-viet/2025/dang-uy-xa-tan-hoa-to-chuc-hoi-nghi-so-ket-6-thang-dau-nam-2025.html")
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


@task
def audit(c, port=8765):
    """(developers) Lighthouse (mobile) on the published site in Debian Chromium: the four scores."""
    import functools  # noqa: PLC0415
    import http.server  # noqa: PLC0415
    import json  # noqa: PLC0415
    import threading  # noqa: PLC0415

    site_url = f"http://127.0.0.1:{port}"
    folder = Path(tempfile.mkdtemp(prefix="audit-"))
    env = {**os.environ, "SITEURL": site_url}
    c.run(f"{PELICAN} {CONTENT} -o {folder / 'site'} -s publishconf.py", env=env, hide="out")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    lighthouse = HERE / "node_modules" / ".bin" / "lighthouse"
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        for page in AUDIT_PAGES:
            report = folder / "report.json"
            c.run(
                f'CHROME_PATH={chrome} {lighthouse} "{site_url}/{page}" --quiet --output=json '
                f'--output-path={report} --chrome-flags="{CHROMIUM_FLAGS}" '
                "--only-categories=performance,accessibility,best-practices,seo",
                hide="both",
            )
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores = ", ".join(f"{name} {round(data['score'] * 100)}" for name, data in categories.items())
            print(f"/{page}: {scores}")
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


@task(iterable=["articles"])
def bench(c, articles=None, report="bench/results.md"):
    """(developers) Time plain Pelican and this project on the same generated corpus."""
    argv = [f"--articles={n}" for n in articles or [1000, 10000]] + [f"--report={report}"]
    code = subprocess.run([sys.executable, "-m", "trangxa.bench.run", *argv], cwd=HERE).returncode
    if code:
        sys.exit(code)


@task(help={"fast": "Only the unit tier (tests/tiers.py): well under a minute, for the inner loop."})
def test(c, fast=False):
    """(developers) Run every test, on every core (or only the unit tier with --fast)."""
    if fast:
        c.run(f"{VENV_BIN / 'pytest'} -m unit", pty=False)
    else:
        c.run(f"{VENV_BIN / 'pytest'} -n auto", pty=False)


# Editors' and operators' tasks at the top; the developers' under "dev".
namespace = Collection(clean, build, rebuild, serve, counter, preview, publish, deploy, rollback, check)
namespace.add_task(cms)  # the web editor (trangxa.cms)
namespace.add_collection(Collection("dev", test, bench, audit))


@task(
    iterable=["source"],
    help={
        "source": "Tệp, thư mục hoặc mẫu tên các trang đã lưu (.html, .mhtml, .txt); ghi nhiều lần được.",
        "into": "Thư mục bài viết, ví dụ content/bai-viet.",
        "origin": 'Nơi bài đến, ví dụ "Phường Đức Thuận (cũ)" (hiện dưới tiêu đề bài).',
        "report": "Ghi báo cáo JSON vào tệp này.",
        "force": "Ghi đè cả bài đã được sửa sau lần nhập trước.",
        "dry-run": "Chỉ báo sẽ làm gì, không ghi tệp nào.",
    },
)
def import_portal(c, source, into, origin=None, report=None, force=False, dry_run=False):
    """Nhập bài từ cổng thông tin cũ (trang đã lưu hoặc chữ chép từ trang); xem docs/editors/nhap-bai-cu.md.

    Import saved pages of an old portal as articles: python -m trangxa.importer.
    """
    from trangxa.importer import main  # noqa: PLC0415

    argv = ["--source", *source, "--into", into, "--settings", str(HERE / "pelicanconf.py")]
    argv += ["--origin", origin] if origin else []
    argv += ["--report", report] if report else []
    argv += ["--force"] if force else []
    argv += ["--dry-run"] if dry_run else []
    code = main(argv)
    if code:
        sys.exit(code)


namespace.add_task(import_portal)


@task(help={"path": "Tệp hay thư mục (mặc định: content, mọi bài, trang, văn bản)."})
def to_yaml(c, path="content"):
    """Đổi phần thông tin đầu bài dạng “Title: …” sang YAML, để mở được trong trình biên tập web.

    Rewrite "Key: value" front matter as YAML front matter (trangxa.front_matter.to_yaml); the
    site reads both forms alike, the web editor (Decap CMS) only YAML.
    """
    from trangxa.front_matter.to_yaml import main  # noqa: PLC0415

    sys.exit(main([path]))


namespace.add_task(to_yaml)
