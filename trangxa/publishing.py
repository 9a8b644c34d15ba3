"""Publishing steps: the strict build, ``invoke deploy`` puts it online, ``invoke rollback`` undoes it.

Configuration comes from environment variables only (no secrets in the repository):

``DEPLOY_TARGET``         ``rsync`` | ``s3`` | ``gh-pages`` (required).
``DEPLOY_RSYNC_DEST``     rsync: ``user@host:/var/www/tanhoa`` (over SSH) or a local folder.
``DEPLOY_SSH_PORT``       rsync over SSH: the port, if not 22.
``DEPLOY_KEEP_RELEASES``  rsync: older releases kept besides the live one (default 5).
``DEPLOY_S3_BUCKET``      s3: ``bucket`` or ``bucket/prefix``; credentials from the usual
                          ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` / ``AWS_PROFILE``.
``DEPLOY_S3_ENDPOINT``    s3: endpoint URL of an S3-compatible service (optional).
``DEPLOY_GIT_REMOTE``     gh-pages: a remote name of this repository or a URL/path (default ``origin``).
``DEPLOY_CNAME``          gh-pages: custom domain written to ``CNAME`` (optional).

Strict-build guard. Only output of a successful strict build (``invoke publish``,
``publishconf.py``, ``CONTENT_CHECKS_STRICT``) may be deployed, never that of ``make build``:

* ``invoke deploy`` runs :func:`publish` itself first. A failed build raises and nothing is
  uploaded; ``output/`` and the live site stay as they were.
* A strict build leaves ``output/.build-info.json`` (:func:`write_build_info`, called by
  :func:`publish` on the fresh folder just before it replaces ``output/``). It records the
  settings, the commit, the time and a SHA-256 digest over every other file of the folder
  (each file's BLAKE2 digest, taken from the writer's record for the pages it just wrote).
* ``invoke deploy --skip-build`` deploys ``output/`` as it is, only if that record is there and
  the digest still matches: a ``make build`` over a published ``output/`` rewrites the pages
  (relative URLs, no feeds) and so breaks the digest; a dev build alone writes no record.

rsync target layout: ``<dest>/releases/<UTC timestamp>/`` holds full copies of ``output/``
(a deleted article is gone from the next release) and ``<dest>/current`` is a relative
symlink to the live one; the web server serves ``<dest>/current``. A release is uploaded with
``rsync --checksum --link-dest=<live release>``: files whose content did not change are hard
links to the live release, so only changed files travel. A release is marked complete
(``releases/<name>.complete``) only once its upload finished: a deploy killed midway leaves an
unmarked folder, which no rollback switches to and the next deploy deletes.
Modification times are not preserved
(every build rewrites them; hard links need equal attributes), so unchanged files keep their
old mtime and the browsers' caches stay valid. ``current`` is switched by renaming a new symlink
over it (``mv -T``, atomic). ``invoke rollback`` switches back the same way to the release before
the live one; the next deploy deletes the releases a rollback left behind (so a later rollback
never lands on them) and all but ``DEPLOY_KEEP_RELEASES`` older ones. The same small shell
scripts run locally (``sh -c``) or on the server (``ssh``), so the local-folder tests exercise
the production path.

S3: ``aws s3 sync`` compares size and modification time, and a publish from CI (a fresh
clone: photos and theme files copied with new times) would upload them all again. The
bucket therefore holds ``.deploy-manifest.json``, the SHA-256 of every file deployed; a
deploy uploads the files whose digest differs (``aws s3 cp --recursive`` of a folder of
links to them), then ``aws s3 sync --delete --size-only`` removes the files gone (and uploads
any file of another size, should the bucket have been changed by hand), then writes the new
manifest. Without a manifest (the first deploy), a plain ``aws s3 sync --delete``. rsync
compares by content already (``--checksum``); gh-pages commits only what changed.
"""

import contextlib
import datetime
import filecmp
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from invoke import Exit, UnexpectedExit

VENV_BIN = Path(sys.executable).parent
BUILD_INFO = ".build-info.json"
S3_MANIFEST = ".deploy-manifest.json"
TARGETS = ("rsync", "s3", "gh-pages")
RELEASE_NAME = re.compile(r"^\d{8}T\d{6}\.\d{6}Z$")


@dataclass(frozen=True)
class Config:
    target: str
    rsync_dest: str = ""
    ssh_port: int | None = None
    keep: int = 5
    s3_bucket: str = ""
    s3_endpoint: str = ""
    git_remote: str = "origin"
    cname: str = ""


def load_config(environ=os.environ):
    """The ``DEPLOY_*`` variables, checked; raises ``Exit`` with a message saying what is missing."""

    def get(key):
        return environ.get(key, "").strip()

    target = get("DEPLOY_TARGET")
    if target not in TARGETS:
        raise Exit(f"Đặt biến DEPLOY_TARGET là một trong: {', '.join(TARGETS)} (hiện là {target!r}).")
    required = {"rsync": "DEPLOY_RSYNC_DEST", "s3": "DEPLOY_S3_BUCKET"}.get(target)
    if required and not get(required):
        raise Exit(f"DEPLOY_TARGET={target} cần biến {required}.")
    try:
        port = int(get("DEPLOY_SSH_PORT")) if get("DEPLOY_SSH_PORT") else None
        keep = int(get("DEPLOY_KEEP_RELEASES") or 5)
    except ValueError as error:
        raise Exit(f"DEPLOY_SSH_PORT và DEPLOY_KEEP_RELEASES phải là số: {error}") from None
    if keep < 1:
        raise Exit("DEPLOY_KEEP_RELEASES phải từ 1 trở lên (cần ít nhất một bản cũ để quay lại).")
    return Config(
        target=target,
        rsync_dest=get("DEPLOY_RSYNC_DEST"),
        ssh_port=port,
        keep=keep,
        s3_bucket=get("DEPLOY_S3_BUCKET").removeprefix("s3://").strip("/"),
        s3_endpoint=get("DEPLOY_S3_ENDPOINT"),
        git_remote=get("DEPLOY_GIT_REMOTE") or "origin",
        cname=get("DEPLOY_CNAME"),
    )


# --- Strict-build record ---------------------------------------------------------------------


RECORD_FORMAT = 2  # 2: a SHA-256 over each file's path and BLAKE2 digest


def walk_files(folder):
    """{relative posix path: os.stat_result (not followed)} of every file and symbolic link
    under ``folder`` (a link to a folder is one entry, not walked)."""
    found = {}
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, path = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((relative + "/", entry.path))
                else:
                    found[relative] = entry.stat(follow_symlinks=False)
    return found


def file_digest(path, stat, known=None):
    """BLAKE2 digest of a file's bytes (a link's target), or the one ``known`` records
    ({relative: (mtime_ns, size, digest)}) for a file that has that time and size."""
    if known is not None and known[2] is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]
    if os.path.islink(path):
        return "link:" + os.readlink(path)
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def tree_digest(folder, known=None):
    """(number of files, SHA-256 over every path and its content's digest) of ``folder``, the
    record excluded. ``known``: digests the build recorded (written_files), not read again."""
    known = known or {}
    digest, count = hashlib.sha256(), 0
    files = walk_files(folder)
    files.pop(BUILD_INFO, None)
    for relative in sorted(files):
        path = os.path.join(folder, relative)
        digest.update(f"{relative}\0{file_digest(path, files[relative], known.get(relative))}\n".encode())
        count += 1
    return count, digest.hexdigest()


def written_files(output_path, cache_path):
    """{relative path: (mtime_ns, size, digest or None)} of the files the last build of
    ``output_path`` wrote or kept with a writer that replaces a file and never rewrites it in
    place: pages and feeds (trangxa.incremental_output's record, with their digests) and the
    search bundles (trangxa.search_index's). While their time and size match, they can be
    hard-linked elsewhere, and the pages' need not be read again."""
    from trangxa.incremental_output.incremental_output import load_state, state_file  # noqa: PLC0415
    from trangxa.search_index.search_index import recorded_outputs  # noqa: PLC0415

    found = {path: (*record, None) for path, record in recorded_outputs(cache_path, output_path).items()}
    state = load_state(state_file({"CACHE_PATH": cache_path}, output_path))
    found.update((path, tuple(record[1:])) for path, record in state.items() if len(record) == 4)
    return found


def cache_path(settings_file):
    from pelican.settings import read_settings  # noqa: PLC0415 (only for the strict build)

    return read_settings(settings_file)["CACHE_PATH"]


def _git(*args):
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True)  # the project being built
    except OSError:  # no git: the record simply has no commit
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def write_build_info(folder, settings="publishconf.py", known=None):
    """Record in ``folder`` that it is the output of a successful strict build (``known``:
    the digests the build recorded, see tree_digest)."""
    count, digest = tree_digest(folder, known)
    info = {
        "format": RECORD_FORMAT,
        "settings": settings,
        "strict": True,
        "commit": _git("rev-parse", "HEAD") or None,
        "dirty": bool(_git("status", "--porcelain")),
        "built_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "files": count,
        "sha256": digest,
    }
    (Path(folder) / BUILD_INFO).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def sync_tree(source, target, linkable=None):
    """Make ``target`` a copy of ``source``, touching only the files that differ.

    A file is compared by size, then modification time (copies keep it) or bytes;
    each one is written under a temporary name and renamed, so a reader never
    gets half a file. The files of ``linkable`` ({relative: (mtime_ns, size, …)}, see
    written_files) that still have that time and size are hard-linked instead of copied:
    their writer replaces them and never changes them in place, so the two folders
    cannot change each other. Returns (files copied or linked, files removed).
    """
    linkable = linkable or {}
    source, target = os.fspath(source), os.fspath(target)
    os.makedirs(target, exist_ok=True)
    wanted, theirs = walk_files(source), walk_files(target)
    copied, folders = 0, set()
    for relative, mine in wanted.items():
        destination = os.path.join(target, relative)
        if _same_file(os.path.join(source, relative), mine, destination, theirs.get(relative)):
            continue
        folder = os.path.dirname(destination)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        exists = relative in theirs
        _replace(os.path.join(source, relative), destination, mine, linkable.get(relative), exists)
        copied += 1
    from trangxa.incremental_output.incremental_output import remove_empty_parents  # noqa: PLC0415

    gone = theirs.keys() - wanted.keys()
    for relative in gone:
        os.unlink(os.path.join(target, relative))
    for relative in sorted(gone, reverse=True):  # the folders they emptied, deepest first
        remove_empty_parents(Path(target, relative).parent, Path(target))
    return copied, len(gone)


def _replace(source, destination, stat, linkable, exists):
    """Put ``source`` at ``destination`` in one step: a link made in place (a new name appears
    whole), or a file made under a temporary name and renamed over the old one."""
    if linkable is not None and linkable[:2] == (stat.st_mtime_ns, stat.st_size):
        with contextlib.suppress(OSError):  # another file system, or no links: copied below
            if not exists:
                os.link(source, destination)
                return
            temporary = _temporary(destination)
            os.link(source, temporary)
            os.replace(temporary, destination)
            return
    temporary = _temporary(destination)
    shutil.copy2(source, temporary, follow_symlinks=False)
    os.replace(temporary, destination)


def _temporary(destination):
    temporary = os.path.join(os.path.dirname(destination), f".{os.path.basename(destination)}.new")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)
    return temporary


def _same_file(source, mine, destination, theirs):
    """Same file (a link), same size and time, or same bytes (Pagefind rewrites identical
    files at every build)."""
    if theirs is None or mine.st_size != theirs.st_size:
        return False
    if (mine.st_ino, mine.st_dev) == (theirs.st_ino, theirs.st_dev) or mine.st_mtime_ns == theirs.st_mtime_ns:
        return True
    return filecmp.cmp(source, destination, shallow=False)


def check_build_info(folder):
    """The record of ``folder`` if it proves an unchanged strict build; raises ``Exit`` otherwise."""
    path = Path(folder) / BUILD_INFO
    advice = "Chạy `make publish` (bản dựng nghiêm ngặt) rồi triển khai lại."
    if not path.is_file():
        raise Exit(f"Không triển khai: {folder}/ không phải bản dựng để đăng (thiếu {BUILD_INFO}). {advice}")
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        raise Exit(f"Không triển khai: {path} hỏng. {advice}") from None
    if info.get("settings") != "publishconf.py" or info.get("strict") is not True:
        raise Exit(f"Không triển khai: {folder}/ không được dựng với publishconf.py. {advice}")
    if info.get("format") != RECORD_FORMAT:
        raise Exit(f"Không triển khai: {path} được ghi bởi phiên bản cũ của dự án. {advice}")
    if tree_digest(folder) != (info.get("files"), info.get("sha256")):
        raise Exit(f"Không triển khai: {folder}/ đã bị thay đổi sau bản dựng nghiêm ngặt. {advice}")
    return info


# --- rsync: releases and an atomic `current` symlink ------------------------------------------


@dataclass(frozen=True)
class Dest:
    host: str | None  # "user@host", None for a local folder
    path: str
    port: int | None = None

    def rsync_path(self, *parts):
        path = "/".join([self.path.rstrip("/"), *parts]) + "/"
        return f"{self.host}:{path}" if self.host else path


def parse_dest(dest, port=None):
    """``user@host:/path`` (a colon before any slash, as rsync reads it) or a local folder."""
    if dest.startswith("rsync://") or "::" in dest:
        raise Exit("DEPLOY_RSYNC_DEST: rsync daemon không đổi được liên kết; dùng user@host:/đường/dẫn.")
    host, colon, path = dest.partition(":")
    if colon and "/" not in host and host and path:
        return Dest(host, path, port)
    return Dest(None, str(Path(dest).resolve()), None)


def shell_command(dest, script):
    """The command that runs ``script`` where the releases are: locally, or on the server over SSH."""
    if dest.host is None:
        return ["sh", "-c", script]
    return ["ssh", *(["-p", str(dest.port)] if dest.port else []), dest.host, script]


def rsync_command(output, dest, release, link_dest=None):
    command = ["rsync", "--recursive", "--links", "--perms", "--chmod=D755,F644", "--checksum", "--delete"]
    command += ["--itemize-changes", "--stats"]
    if link_dest:
        command.append(f"--link-dest=../{link_dest}")  # relative to the new release folder
    if dest.host and dest.port:
        command += ["-e", f"ssh -p {dest.port}"]
    return command + [f"{Path(output)}/", dest.rsync_path("releases", release)]


def state_script(dest):
    root = shlex.quote(dest.path)
    return (
        f'if [ -d {root} ]; then cd {root} && echo "current $(readlink current 2>/dev/null)" && '
        'for r in releases/*/; do [ -d "$r" ] && echo "release $(basename "$r")"; done; '
        'for m in releases/*.complete; do [ -f "$m" ] && echo "complete $(basename "$m" .complete)"; done; '
        "fi; true"
    )


def parse_state(text):
    """(live release or None, complete releases, incomplete releases) from :func:`state_script`.

    The live release counts as complete (it was switched to); so do all releases of a folder
    that has no marker at all, deployed before releases were marked.
    """
    current, releases, marked = None, [], set()
    for line in text.splitlines():
        kind, _, value = line.partition(" ")
        name = value.strip().rstrip("/").rsplit("/", 1)[-1]
        if not RELEASE_NAME.match(name):
            continue
        if kind == "current":
            current = name
        elif kind == "release":
            releases.append(name)
        elif kind == "complete":
            marked.add(name)
    if not marked:
        marked = set(releases)
    complete = sorted(r for r in releases if r in marked or r == current)
    return current, complete, sorted(set(releases) - set(complete))


def mark_complete_script(dest, release):
    return f"set -e; cd {shlex.quote(dest.path)}/releases; touch {release}.complete"


def switch_script(dest, release):
    """Point ``current`` at ``release``: a new symlink renamed over the old one (atomic)."""
    tmp = f".current-{release}.tmp"
    return (
        f"set -e; cd {shlex.quote(dest.path)}; "
        f"ln -sfn releases/{release} {tmp}; mv -T {tmp} current"  # names match RELEASE_NAME: no quoting
    )


def remove_script(dest, releases):
    names = " ".join(f"{r} {r}.complete" for r in releases)  # names match RELEASE_NAME: no quoting
    return f"set -e; cd {shlex.quote(dest.path)}/releases; rm -rf -- {names}"


def new_release_name(existing, now=None):
    now = now or datetime.datetime.now(datetime.UTC)
    name = now.strftime("%Y%m%dT%H%M%S.%fZ")
    while name in existing:  # same microsecond: never write into an existing release
        now += datetime.timedelta(microseconds=1)
        name = now.strftime("%Y%m%dT%H%M%S.%fZ")
    return name


def releases_to_remove(releases, live, keep):
    """Releases to delete once a new one replaced ``live``: those a rollback left behind (newer than
    ``live``: a later rollback must not land on them) and all but the ``keep`` newest of the others."""
    ordered = sorted(releases)
    abandoned = [r for r in ordered if live and r > live]
    older = [r for r in ordered if not live or r <= live]
    return abandoned + older[: max(0, len(older) - keep)]


def previous_release(releases, live):
    ordered = sorted(releases)
    if live not in ordered or ordered.index(live) == 0:
        return None
    return ordered[ordered.index(live) - 1]


def _run(c, command, **kwargs):
    return c.run(shlex.join(command), pty=False, **kwargs)


def _state(c, dest):
    return parse_state(_run(c, shell_command(dest, state_script(dest)), hide="out").stdout)


def deploy_rsync(c, output, config):
    dest = parse_dest(config.rsync_dest, config.ssh_port)
    live, releases, incomplete = _state(c, dest)
    release = new_release_name(releases + incomplete)
    _run(c, shell_command(dest, f"mkdir -p {shlex.quote(dest.path)}/releases"))
    try:
        _run(c, rsync_command(output, dest, release, link_dest=live))
    except UnexpectedExit:
        _run(c, shell_command(dest, remove_script(dest, [release])), warn=True)
        raise Exit(f"Tải lên thất bại; trang đang chạy vẫn là {live or '(chưa có)'}.") from None
    _run(c, shell_command(dest, mark_complete_script(dest, release)))
    _run(c, shell_command(dest, switch_script(dest, release)))
    print(f"Đã đăng: {dest.rsync_path('current').rstrip('/')} → releases/{release}")
    old = incomplete + releases_to_remove(releases, live, config.keep)  # a killed deploy's folder too
    if old:
        _run(c, shell_command(dest, remove_script(dest, old)))


# --- S3-compatible bucket and gh-pages --------------------------------------------------------


def s3_command(output, bucket, endpoint=""):
    command = ["aws", "s3", "sync", f"{Path(output)}/", f"s3://{bucket}", "--delete", "--no-progress"]
    return command + (["--endpoint-url", endpoint] if endpoint else [])


def output_manifest(folder):
    """{relative path: SHA-256} of every file of ``folder`` (the manifest itself excluded)."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != S3_MANIFEST
    }


def manifest_changes(previous, current):
    """(files to upload, files to delete) from the manifest deployed to the one built."""
    upload = sorted(path for path, digest in current.items() if previous.get(path) != digest)
    return upload, sorted(previous.keys() - current.keys())


def deploy_s3(c, output, config):
    aws = VENV_BIN / "aws" if (VENV_BIN / "aws").exists() else shutil.which("aws")
    if not aws:
        raise Exit("Cần AWS CLI: `.venv/bin/pip install awscli` (hoặc cài `aws` của hệ thống).")
    endpoint = ["--endpoint-url", config.s3_endpoint] if config.s3_endpoint else []
    bucket = f"s3://{config.s3_bucket}"
    sync = [str(aws), *s3_command(output, config.s3_bucket, config.s3_endpoint)[1:], "--exclude", S3_MANIFEST]
    current = output_manifest(output)
    with tempfile.TemporaryDirectory(prefix="deploy-s3-") as scratch:
        scratch = Path(scratch)
        previous = _fetch_manifest(c, [str(aws), "s3", "cp", f"{bucket}/{S3_MANIFEST}"], endpoint, scratch)
        if previous is None:  # first deploy: compared by size and time
            _run(c, sync)
        else:
            upload, delete = manifest_changes(previous, current)
            if upload:
                changed = _link_files(output, upload, scratch / "changed")
                copy = [str(aws), "s3", "cp", f"{changed}/", bucket, "--recursive", "--no-progress"]
                _run(c, [*copy, *endpoint])
            if delete:
                _run(c, [*sync, "--size-only"])
            print(f"S3: {len(upload)} tệp tải lên, {len(delete)} tệp xóa.")
        manifest = scratch / S3_MANIFEST
        manifest.write_text(json.dumps(current, indent=0), encoding="utf-8")
        _run(c, [str(aws), "s3", "cp", str(manifest), f"{bucket}/{S3_MANIFEST}", "--no-progress", *endpoint])


def _fetch_manifest(c, command, endpoint, scratch):
    """The manifest of the last deploy, or None (none yet, or unreadable)."""
    target = scratch / "previous.json"
    if not _run(c, [*command, str(target), "--no-progress", *endpoint], warn=True, hide=True).ok:
        return None
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return previous if isinstance(previous, dict) else None


def _link_files(output, relatives, folder):
    """A folder holding (hard links to) the files ``relatives`` of ``output``."""
    for relative in relatives:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(Path(output, relative), target)
        except OSError:
            shutil.copy2(Path(output, relative), target)
    return folder


def ghp_import_command(output, remote, cname="", message="Cập nhật trang"):
    command = [str(VENV_BIN / "ghp-import"), "--no-jekyll", "--push", "--remote", remote]
    command += ["--branch", "gh-pages", "--message", message]
    return command + (["--cname", cname] if cname else []) + [str(Path(output))]


def resolve_remote(remote):
    """URL of a remote of this repository, else ``remote`` itself (a URL, or a path made absolute)."""
    url = _git("remote", "get-url", remote)
    if url:
        return url
    return str(Path(remote).resolve()) if Path(remote).exists() else remote


def deploy_gh_pages(c, output, config, info):
    """ghp-import in a scratch repository holding only ``gh-pages``: the working copy is not touched."""
    url = resolve_remote(config.git_remote)
    message = f"Đăng trang từ {(info.get('commit') or 'bản dựng')[:12]} lúc {info.get('built_at')}"
    env = {"GIT_COMMITTER_NAME": _git("config", "user.name") or "Trang tin xã"}
    env["GIT_COMMITTER_EMAIL"] = _git("config", "user.email") or "deploy@localhost"
    with tempfile.TemporaryDirectory(prefix="gh-pages-") as scratch, c.cd(scratch):
        _run(c, ["git", "init", "--quiet"])
        _run(c, ["git", "remote", "add", "deploy", url])
        _run(c, ["git", "fetch", "--quiet", "deploy", "gh-pages"], warn=True, hide=True)  # absent at first
        _run(c, ghp_import_command(Path(output).resolve(), "deploy", config.cname, message), env=env)


# --- The publishing steps (tasks.py's publish, deploy and rollback call these) ----------------


def publish(c, content="content", output="output", settings="publishconf.py"):
    """Strict build into a folder kept next to ``output`` (``.output-build/``), then the files
    that differ copied into ``output`` and the files gone removed; a failed build never
    touches ``output``. The kept folder makes the next build incremental."""
    target = Path(output).resolve()
    staging = target.with_name(f".{target.name}-build")
    staging.mkdir(parents=True, exist_ok=True)
    pelican = VENV_BIN / "pelican"
    try:
        c.run(f"{pelican} {content} -o {staging} -s {settings}", pty=False)
    except UnexpectedExit:
        print(f"Không xuất bản: bản dựng có lỗi, {output}/ vẫn giữ nguyên như trước.", file=sys.stderr)
        raise
    written = written_files(staging, cache_path(settings))  # pages, feeds, search bundles: safe to link
    write_build_info(staging, settings, known=written)  # proof of a strict build, for deploy --skip-build
    copied, removed = sync_tree(staging, target, linkable=written)
    print(f"Đã xuất bản vào {output}/: {copied} tệp mới hoặc thay đổi, {removed} tệp bị xóa.")


def deploy(c, skip_build=False, content="content", output="output"):
    """Strict build (:func:`publish`), then upload ``output`` to DEPLOY_TARGET."""
    config = load_config()
    if not skip_build:
        try:
            publish(c, content=content, output=output)
        except UnexpectedExit:
            raise Exit("Không triển khai: bản dựng nghiêm ngặt có lỗi, trang đang chạy giữ nguyên.") from None
    info = check_build_info(output)
    if config.target == "rsync":
        deploy_rsync(c, output, config)
    elif config.target == "s3":
        deploy_s3(c, output, config)
    else:
        deploy_gh_pages(c, output, config, info)


def rollback(c, release=None):
    """Point DEPLOY_RSYNC_DEST/current back to the previous complete release (atomic switch)."""
    config = load_config()
    if config.target != "rsync":
        raise Exit("Chỉ quay lại được với DEPLOY_TARGET=rsync; với gh-pages/S3 hãy đăng lại một commit cũ.")
    dest = parse_dest(config.rsync_dest, config.ssh_port)
    live, releases, incomplete = _state(c, dest)
    target = release or previous_release(releases, live)
    if target in incomplete:
        raise Exit(f"Bản {target} chưa tải lên xong (lần đăng bị ngắt giữa chừng): không quay lại bản đó.")
    if target not in releases:
        raise Exit(f"Không có bản cũ để quay lại (đang chạy: {live}; có: {', '.join(releases) or 'không'}).")
    _run(c, shell_command(dest, switch_script(dest, target)))
    print(f"Đã quay lại: {dest.rsync_path('current').rstrip('/')} → releases/{target} (trước đó: {live})")
