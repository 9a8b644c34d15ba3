"""`invoke deploy` to S3 uploads only the files whose content changed, whatever their times
(a fresh clone in CI gives every file a new one), through a stand-in for the AWS CLI."""

import json
import os
import sys
import textwrap
import time

import pytest
from invoke import Config, Context

from trangxa import publishing

# The part of the AWS CLI the deploy uses, on a folder standing for the bucket: `s3 cp` (a file
# either way, or a folder up with --recursive) and `s3 sync --delete [--size-only]` (upload what
# is missing, of another size, or newer; delete what is gone). Every upload and deletion logged.
FAKE_AWS = textwrap.dedent(
    """\
    #!{python}
    import os, shutil, sys
    from pathlib import Path
    root, log = Path(os.environ["FAKE_S3"]), open(os.environ["FAKE_S3_LOG"], "a")
    args = [a for a in sys.argv[1:] if a not in ("--no-progress", "--recursive")]
    flags = set(sys.argv[1:])
    def local(url):
        return root / url.removeprefix("s3://")
    def upload(source, key):
        key.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, key)
        log.write(f"upload {{key.relative_to(root).as_posix()}}\\n")
    _, command, source, target, *rest = args
    if command == "cp" and source.startswith("s3://"):
        if not local(source).is_file():
            sys.exit(1)
        shutil.copy(local(source), target)
    elif command == "cp" and "--recursive" in flags:
        for path in sorted(Path(source).rglob("*")):
            if path.is_file():
                upload(path, local(target) / path.relative_to(source))
    elif command == "cp":
        upload(source, local(target))
    elif command == "sync":
        bucket, wanted = local(target), set()
        for path in sorted(Path(source).rglob("*")):
            if path.is_file():
                key = bucket / path.relative_to(source)
                wanted.add(key)
                if not key.is_file() or key.stat().st_size != path.stat().st_size or (
                    "--size-only" not in flags and path.stat().st_mtime > key.stat().st_mtime
                ):
                    upload(path, key)
        for key in sorted(bucket.rglob("*")):
            excluded = [rest[n + 1] for n, arg in enumerate(rest) if arg == "--exclude"]
            if key.is_file() and key not in wanted and "--delete" in flags and key.name not in excluded:
                key.unlink()
                log.write(f"delete {{key.relative_to(root).as_posix()}}\\n")
    """
)


@pytest.fixture
def bucket(tmp_path, monkeypatch):
    bin_folder, root, log = tmp_path / "bin", tmp_path / "s3", tmp_path / "s3.log"
    bin_folder.mkdir()
    aws = bin_folder / "aws"
    aws.write_text(FAKE_AWS.format(python=sys.executable), encoding="utf-8")
    aws.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_S3", str(root))
    monkeypatch.setenv("FAKE_S3_LOG", str(log))
    monkeypatch.setattr(publishing, "VENV_BIN", tmp_path / "no-venv")

    def deploy(output):
        log.write_text("", encoding="utf-8")
        config = publishing.load_config({"DEPLOY_TARGET": "s3", "DEPLOY_S3_BUCKET": "tanhoa-web/site"})
        context = Context(Config(overrides={"run": {"in_stream": False}}))  # pytest has no stdin
        publishing.deploy_s3(context, output, config)
        return log.read_text(encoding="utf-8").splitlines()

    return root / "tanhoa-web" / "site", deploy


def write(folder, files):
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in folder.rglob("*") if p.is_file()}


def test_a_fresh_clone_uploads_only_the_changed_files(tmp_path, bucket):
    site, deploy = bucket
    output = tmp_path / "output"
    write(output, {"index.html": "trang chủ 1", "bai-viet/a.html": "bài A", "bai-viet/b.html": "bài B",
                   "images/anh.jpg": "ảnh"})  # fmt: skip
    first = deploy(output)
    names = [publishing.S3_MANIFEST, "bai-viet/a.html", "bai-viet/b.html", "images/anh.jpg", "index.html"]
    assert sorted(first) == sorted(f"upload tanhoa-web/site/{name}" for name in names)
    # The next publish, from a fresh clone: every file newer than the bucket's copy.
    write(output, {"index.html": "trang chủ 2", "bai-viet/c.html": "bài C"})  # same size, new file
    (output / "bai-viet/b.html").unlink()
    later = time.time() + 60
    for path in output.rglob("*"):
        os.utime(path, (later, later))
    second = deploy(output)
    assert second == [
        "upload tanhoa-web/site/bai-viet/c.html",
        "upload tanhoa-web/site/index.html",
        "delete tanhoa-web/site/bai-viet/b.html",
        f"upload tanhoa-web/site/{publishing.S3_MANIFEST}",
    ]
    kept = files(site)
    assert json.loads(kept.pop(publishing.S3_MANIFEST)) == publishing.output_manifest(output)
    assert kept == files(output)
    assert deploy(output) == [f"upload tanhoa-web/site/{publishing.S3_MANIFEST}"]  # nothing changed


def test_manifest_changes():
    previous = {"a.html": "1", "b.html": "2", "c.html": "3"}
    current = {"a.html": "1", "b.html": "9", "d.html": "4"}
    assert publishing.manifest_changes(previous, current) == (["b.html", "d.html"], ["c.html"])
