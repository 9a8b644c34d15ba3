"""From a commit to the live site: the strict-build guard, rsync releases, gh-pages, CI pipelines."""

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, build_site, run_pelican
from invoke import Exit

from trangxa import publishing
from trangxa.search_index import search_index

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"

ARTICLE = """\
Title: {title}
Date: {date}
Author: Nguyễn Thu
Category: Kinh tế
Organizations: UBND

{body}
"""
ARTICLES = {
    "hop-ubnd.md": ("UBND xã họp giao ban tháng 3", "03/03/2025 08:00", "Sáng 3/3, UBND xã họp giao ban."),
    "tiem-chung.md": (
        "Trạm Y tế xã tổ chức tiêm chủng",
        "05/03/2025 07:30",
        "Sáng 5/3, trạm y tế tiêm chủng.",
    ),
    "ra-quan.md": ("Xã ra quân làm đường giao thông", "08/03/2025 06:30", "Sáng 8/3, xã ra quân làm đường."),
}
PAGES = {
    "hop-ubnd.md": "bai-viet/2025/ubnd-xa-hop-giao-ban-thang-3.html",
    "tiem-chung.md": "bai-viet/2025/tram-y-te-xa-to-chuc-tiem-chung.html",
    "ra-quan.md": "bai-viet/2025/xa-ra-quan-lam-duong-giao-thong.html",
}


def require(program):
    if not shutil.which(program):
        pytest.fail(f"`{program}` is needed by the deploy tests (Debian: apt-get install {program})")


def make_content(tmp_path):
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", content / "organizations.yml")
    for name, (title, date, body) in ARTICLES.items():
        write_article(content, name, title, date, body)
    return content


def write_article(content, name, title, date, body):
    (content / "bai-viet" / name).write_text(
        ARTICLE.format(title=title, date=date, body=body), encoding="utf-8"
    )


def invoke(*args, collection="tasks", **env):
    """Run invoke from the repository root with only the given DEPLOY_* variables set."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DEPLOY_")}
    environ.update(env, COLUMNS="400")
    command = [sys.executable, "-m", "invoke", "--collection", collection, *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=environ)


def rsync_deploy(tmp_path, www, *extra):
    content, output = tmp_path / "content", tmp_path / "output"
    args = ["deploy", "--content", str(content), "--output", str(output), *extra]
    return invoke(*args, DEPLOY_TARGET="rsync", DEPLOY_RSYNC_DEST=str(www))


def live(www):
    return os.readlink(www / "current")


def same_bytes(a, b):
    return a.read_bytes() == b.read_bytes()


def inode(path):
    return path.stat().st_ino


def transferred(result):
    return int(re.search(r"Number of regular files transferred: ([\d,]+)", result.stdout)[1].replace(",", ""))


# --- rsync to a local folder: releases, hard links, atomic switch, rollback ---------------------


@pytest.mark.external  # rsync or git
def test_rsync_deploy_edit_delete_and_rollback(tmp_path):
    require("rsync")
    content, www = make_content(tmp_path), tmp_path / "www"

    first = rsync_deploy(tmp_path, www)
    assert first.returncode == 0, first.stdout + first.stderr
    first_release = www / live(www)
    assert live(www).startswith("releases/")
    for page in PAGES.values():
        assert (www / "current" / page).is_file()
    assert (www / "current" / publishing.BUILD_INFO).is_file(), (
        "the strict-build record travels with the site"
    )

    # Edit the body of one article: the release is a full tree, but only changed files travel.
    write_article(content, "tiem-chung.md", *ARTICLES["tiem-chung.md"][:2], "Sáng 5/3, trạm tiêm 300 trẻ.")
    second = rsync_deploy(tmp_path, www)
    assert second.returncode == 0, second.stdout + second.stderr
    second_release = www / live(www)
    assert second_release != first_release
    first_files = {p.relative_to(first_release) for p in first_release.rglob("*") if p.is_file()}
    files = [p.relative_to(second_release) for p in second_release.rglob("*") if p.is_file()]
    same = {f for f in files if f in first_files and same_bytes(first_release / f, second_release / f)}
    assert transferred(second) == len(files) - len(same), second.stdout
    linked = {f for f in files if f in first_files and inode(first_release / f) == inode(second_release / f)}
    assert linked == same, "unchanged files are hard links to the previous release, changed ones new"
    assert Path(PAGES["hop-ubnd.md"]) in same and Path("theme/css/style.css") in same
    assert Path(PAGES["tiem-chung.md"]) not in same
    assert "trạm tiêm 300" in (www / "current" / PAGES["tiem-chung.md"]).read_text(encoding="utf-8")

    # Delete an article: it is gone from the live site (a release is a copy, not a merge).
    (content / "bai-viet" / "ra-quan.md").unlink()
    third = rsync_deploy(tmp_path, www)
    assert third.returncode == 0, third.stdout + third.stderr
    assert not (www / "current" / PAGES["ra-quan.md"]).exists()
    assert (second_release / PAGES["ra-quan.md"]).exists(), "older releases are untouched"

    # Roll back: `current` points to the release before, the deleted article is back.
    back = invoke("rollback", DEPLOY_TARGET="rsync", DEPLOY_RSYNC_DEST=str(www))
    assert back.returncode == 0, back.stdout + back.stderr
    assert www / live(www) == second_release
    assert (www / "current" / PAGES["ra-quan.md"]).is_file()
    assert not list(www.glob(".current-*")), "no temporary symlink is left"


@pytest.mark.external  # rsync or git
def test_a_deploy_killed_midway_is_never_switched_to(tmp_path):
    require("rsync")
    make_content(tmp_path)
    www = tmp_path / "www"
    assert rsync_deploy(tmp_path, www).returncode == 0
    first = live(www)
    # What a deploy killed during its upload leaves: a release folder holding part of the site.
    partial = www / "releases" / publishing.new_release_name([first.rsplit("/", 1)[-1]])
    shutil.copytree(www / "current" / "theme", partial / "theme")
    refused = invoke("rollback", "--release", partial.name, DEPLOY_TARGET="rsync", DEPLOY_RSYNC_DEST=str(www))
    assert refused.returncode != 0 and "chưa tải lên xong" in refused.stderr
    assert live(www) == first

    second = rsync_deploy(tmp_path, www)
    assert second.returncode == 0, second.stdout + second.stderr
    assert not partial.exists(), "the next deploy deletes the incomplete release"
    assert (www / "releases" / f"{live(www).rsplit('/', 1)[-1]}.complete").is_file()
    back = invoke("rollback", DEPLOY_TARGET="rsync", DEPLOY_RSYNC_DEST=str(www))
    assert back.returncode == 0 and live(www) == first, "the rollback goes to the last complete release"


def test_parse_state_tells_complete_from_incomplete():
    text = f"current releases/{R[1]}\nrelease {R[0]}/\nrelease {R[1]}/\nrelease {R[2]}/\ncomplete {R[0]}\n"
    assert publishing.parse_state(text) == (R[1], [R[0], R[1]], [R[2]])
    legacy = f"current releases/{R[1]}\nrelease {R[0]}/\nrelease {R[1]}/\n"  # deployed before the markers
    assert publishing.parse_state(legacy) == (R[1], [R[0], R[1]], [])


@pytest.mark.external  # rsync or git
def test_failing_strict_build_deploys_nothing(tmp_path):
    require("rsync")
    content, www = make_content(tmp_path), tmp_path / "www"
    assert rsync_deploy(tmp_path, www).returncode == 0
    before, releases = live(www), sorted(p.name for p in (www / "releases").iterdir())

    write_article(content, "hop-hdnd.md", "HĐND xã họp kỳ thứ 9", "30/02/2024", "Sáng nay, HĐND xã họp.")
    failed = rsync_deploy(tmp_path, www)
    assert failed.returncode != 0
    assert "30/02/2024" in failed.stdout + failed.stderr
    assert "Không triển khai" in failed.stderr
    assert live(www) == before
    assert sorted(p.name for p in (www / "releases").iterdir()) == releases


@pytest.mark.external  # rsync or git
def test_skip_build_deploys_only_an_unchanged_strict_build(tmp_path):
    require("rsync")
    content, www = make_content(tmp_path), tmp_path / "www"
    output = tmp_path / "output"

    # `make build` (development settings) never leaves the strict-build record.
    dev = run_pelican(content, output, "pelicanconf.py")
    assert dev.returncode == 0, dev.stderr
    refused = rsync_deploy(tmp_path, www, "--skip-build")
    assert refused.returncode != 0 and "make publish" in refused.stderr
    assert not www.exists()

    # A strict build: the record is written as tasks.publish writes it (publishing.write_build_info).
    shutil.rmtree(output)
    published = invoke("publish", "--content", str(content), "--output", str(output), collection="tasks")
    assert published.returncode == 0, published.stderr
    if not (output / publishing.BUILD_INFO).exists():
        publishing.write_build_info(output)
    accepted = rsync_deploy(tmp_path, www, "--skip-build")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    before = live(www)

    # `make build` over the published folder rewrites pages: the record no longer matches.
    dev_over = run_pelican(content, output, "pelicanconf.py")
    assert dev_over.returncode == 0, dev_over.stderr
    assert (output / publishing.BUILD_INFO).exists()
    refused = rsync_deploy(tmp_path, www, "--skip-build")
    assert refused.returncode != 0 and "đã bị thay đổi" in refused.stderr
    assert live(www) == before


def test_build_record_detects_any_change(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>Trang chủ</p>", encoding="utf-8")
    (site / "a" / "b.html").write_text("<p>Bài</p>", encoding="utf-8")
    info = publishing.write_build_info(site)
    assert publishing.check_build_info(site) == info
    assert info["files"] == 2 and info["settings"] == "publishconf.py"
    for change in (
        lambda: (site / "a" / "b.html").write_text("<p>Bài đã sửa</p>", encoding="utf-8"),
        lambda: (site / "a" / "moi.html").write_text("", encoding="utf-8"),
        lambda: (site / "index.html").unlink(),
    ):
        publishing.write_build_info(site)
        change()
        with pytest.raises(Exit, match="đã bị thay đổi"):
            publishing.check_build_info(site)
    (site / publishing.BUILD_INFO).write_text(
        '{"settings": "pelicanconf.py", "strict": true}', encoding="utf-8"
    )
    with pytest.raises(Exit, match="publishconf.py"):
        publishing.check_build_info(site)
    (site / publishing.BUILD_INFO).write_text(  # written before its format changed
        '{"settings": "publishconf.py", "strict": true, "files": 2, "sha256": "…"}', encoding="utf-8"
    )
    with pytest.raises(Exit, match="phiên bản cũ"):
        publishing.check_build_info(site)
    (site / publishing.BUILD_INFO).unlink()
    with pytest.raises(Exit, match="thiếu"):
        publishing.check_build_info(site)


# --- gh-pages to a local bare repository --------------------------------------------------------


@pytest.mark.external  # rsync or git
def test_gh_pages_to_a_local_bare_repository(tmp_path):
    require("git")
    make_content(tmp_path)
    bare = tmp_path / "site.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    branches = subprocess.run(["git", "branch", "--list"], cwd=ROOT, capture_output=True, text=True).stdout
    env = {"DEPLOY_TARGET": "gh-pages", "DEPLOY_GIT_REMOTE": str(bare), "DEPLOY_CNAME": "tanhoa.example.vn"}
    args = ["deploy", "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output")]
    for extra in ([], ["--skip-build"]):
        result = invoke(*args, *extra, **env)
        assert result.returncode == 0, result.stdout + result.stderr

    def git(*command):
        return subprocess.run(
            ["git", "--git-dir", str(bare), *command], capture_output=True, text=True
        ).stdout

    files = git("ls-tree", "-r", "--name-only", "gh-pages").split()
    assert {"index.html", ".nojekyll", "CNAME", *PAGES.values()} <= set(files)
    assert git("show", "gh-pages:CNAME").strip() == "tanhoa.example.vn"
    assert git("rev-list", "--count", "gh-pages").strip() == "2", "the branch keeps its history"
    after = subprocess.run(["git", "branch", "--list"], cwd=ROOT, capture_output=True, text=True).stdout
    assert after == branches, "the working repository gets no gh-pages branch"


R = [f"2025031{i}T080000.000000Z" for i in range(8)]


# --- Plain functions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "host", "path"),
    [
        ("deploy@tanhoa.gov.vn:/var/www/tanhoa", "deploy@tanhoa.gov.vn", "/var/www/tanhoa"),
        ("may-chu:www/tanhoa", "may-chu", "www/tanhoa"),
        ("/srv/www/tanhoa", None, "/srv/www/tanhoa"),
        ("./ban-sao:1/www", None, str(Path("./ban-sao:1/www").resolve())),
    ],
)
def test_parse_dest(dest, host, path):
    parsed = publishing.parse_dest(dest, port=2222)
    assert (parsed.host, parsed.path) == (host, path)


def test_remote_commands_go_through_ssh_with_the_port():
    dest = publishing.parse_dest("deploy@tanhoa.gov.vn:/var/www/tanhoa", port=2222)
    rsync = publishing.rsync_command("output", dest, R[0], link_dest=R[1])
    assert rsync[-2:] == ["output/", f"deploy@tanhoa.gov.vn:/var/www/tanhoa/releases/{R[0]}/"]
    assert {"--checksum", "--delete", "--itemize-changes", "--stats"} <= set(rsync)
    assert f"--link-dest=../{R[1]}" in rsync
    assert "--times" not in rsync and "-a" not in rsync, "mtimes differ at every build: no hard links with -t"
    assert rsync[rsync.index("-e") + 1] == "ssh -p 2222"
    ssh = publishing.shell_command(dest, publishing.switch_script(dest, R[0]))
    assert ssh[:4] == ["ssh", "-p", "2222", "deploy@tanhoa.gov.vn"]
    assert "mv -T" in ssh[4] and f"ln -sfn releases/{R[0]}" in ssh[4]


def test_release_names_sort_by_time_and_never_collide():
    now = datetime.datetime(2025, 3, 10, 8, 0, 0, tzinfo=datetime.UTC)
    first = publishing.new_release_name([], now)
    assert first == "20250310T080000.000000Z" and publishing.RELEASE_NAME.match(first)
    assert publishing.new_release_name([first], now) == "20250310T080000.000001Z"
    later = publishing.new_release_name([], now + datetime.timedelta(seconds=1))
    assert sorted([later, first]) == [first, later]


@pytest.mark.parametrize(
    ("releases", "live", "keep", "removed"),
    [
        (R[:3], R[2], 5, []),
        (R, R[7], 5, R[:3]),
        (R, R[7], 1, R[:7]),
        (R[:4], R[1], 5, R[2:4]),  # rolled back to R[1]: R[2], R[3] must not come back
        (R[:2], None, 1, R[:1]),
    ],
)
def test_releases_to_remove(releases, live, keep, removed):
    assert publishing.releases_to_remove(releases, live, keep) == removed


def test_previous_release():
    assert publishing.previous_release(R[:3], R[2]) == R[1]
    assert publishing.previous_release(R[:3], R[0]) is None
    assert publishing.previous_release(R[:3], None) is None


def test_s3_command():
    config = publishing.load_config(
        {"DEPLOY_TARGET": "s3", "DEPLOY_S3_BUCKET": "s3://tanhoa-web/site/", "DEPLOY_S3_ENDPOINT": ""}
    )
    assert publishing.s3_command("output", config.s3_bucket) == [
        *("aws", "s3", "sync", "output/", "s3://tanhoa-web/site", "--delete", "--no-progress"),
    ]
    endpoint = "https://s3.hcm.example.vn"
    assert publishing.s3_command("output", "tanhoa-web", endpoint)[-2:] == ["--endpoint-url", endpoint]


def test_ghp_import_command():
    command = publishing.ghp_import_command("output", "origin", "tanhoa.gov.vn")
    assert {"--no-jekyll", "--push"} <= set(command)
    assert command[command.index("--branch") + 1] == "gh-pages"
    assert command[command.index("--cname") + 1] == "tanhoa.gov.vn"
    assert "--cname" not in publishing.ghp_import_command("output", "origin")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "DEPLOY_TARGET"),
        ({"DEPLOY_TARGET": "ftp"}, "DEPLOY_TARGET"),
        ({"DEPLOY_TARGET": "rsync"}, "DEPLOY_RSYNC_DEST"),
        ({"DEPLOY_TARGET": "s3"}, "DEPLOY_S3_BUCKET"),
        ({"DEPLOY_TARGET": "rsync", "DEPLOY_RSYNC_DEST": "/srv", "DEPLOY_SSH_PORT": "x"}, "là số"),
        ({"DEPLOY_TARGET": "rsync", "DEPLOY_RSYNC_DEST": "/srv", "DEPLOY_KEEP_RELEASES": "0"}, "từ 1"),
    ],
)
def test_config_errors_say_what_to_set(environ, message):
    with pytest.raises(Exit, match=message):
        publishing.load_config(environ)


def test_config_defaults():
    config = publishing.load_config({"DEPLOY_TARGET": "gh-pages"})
    assert (config.git_remote, config.cname, config.keep) == ("origin", "", 5)


def test_tasks_expose_deploy_and_rollback():
    listing = invoke("--list", collection="tasks")
    assert listing.returncode == 0, listing.stderr
    names = {line.split()[0] for line in listing.stdout.splitlines()[1:] if line.strip()}
    assert {"publish", "deploy", "rollback"} <= names, listing.stdout


# --- CI pipelines -------------------------------------------------------------------------------


def test_workflow_passes_actionlint():
    if not ACTIONLINT.exists():
        pytest.fail("actionlint is missing: `.venv/bin/pip install -r requirements-dev.txt`")
    # shellcheck/pyflakes are left out: they are not pinned, so their findings would vary by machine.
    result = subprocess.run(
        [str(ACTIONLINT), "-shellcheck=", "-pyflakes=", str(WORKFLOW)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+(\.\d+)*", comment), f"{action}: no version comment"


def test_workflow_deploys_pages_from_main_only():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    deploy_job = workflow["jobs"]["deploy"]
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy_job["concurrency"]["cancel-in-progress"] is False
    assert "pull_request" in deploy_job["if"] and "refs/heads/main" in deploy_job["if"]
    steps = workflow["jobs"]["build"]["steps"]
    uploads = {s["uses"].split("@")[0]: s.get("if", "") for s in steps if "upload" in s.get("uses", "")}
    assert uploads["actions/upload-pages-artifact"] == "github.event_name != 'pull_request'"
    assert uploads["actions/upload-artifact"] == "github.event_name == 'pull_request'"
    assert workflow["permissions"] == {"contents": "read"}


def test_gitlab_pipeline():
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["image"] == "python:3.11-slim"
    assert pipeline["stages"] == ["test", "pages"]
    assert pipeline["default"]["cache"]["paths"] == [".venv/"]
    assert {"test", "pages", "preview"} <= set(pipeline)
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pipeline["preview"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "mv output public" in " ".join(pipeline["pages"]["script"])


def test_pipelines_use_the_readme_commands():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    run = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    script = [line for job in pipeline.values() if isinstance(job, dict) for line in job.get("script", [])]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for commands in (run, script):
        joined = "\n".join(commands)
        used = set(re.findall(r"\bmake [\w-]+", joined))
        # Tests run through .ci/run (Debian packages, then `make test`), as in this project's CI.
        assert "make test" in used or "bash .ci/run" in joined, joined
        assert used <= {"make test", "make publish"} and "make publish" in used, used
        assert all(command in readme for command in used)


def folder_bytes(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_published_pages_are_links_that_the_next_build_does_not_change(tmp_path):
    """The pages and feeds (replaced by their writer, never rewritten in place) are hard-linked
    into output/ instead of copied; the next build of the build folder leaves output/ as it was."""
    content, staging, output = tmp_path / "content", tmp_path / "build", tmp_path / "output"
    shutil.copytree(CONTENT, content)
    build_site(staging, content=content, settings_file="publishconf.py")
    written = publishing.written_files(staging, f"{staging}-cache")
    assert {"index.html", "feeds/tat-ca.atom.xml"} <= written.keys()
    assert any(path.startswith("pagefind/") and path.endswith(".pf_fragment") for path in written)
    assert not {"sitemap.xml", "pagefind/bundles.json"} & written.keys(), "written in place: copied"
    copied, removed = publishing.sync_tree(staging, output, linkable=written)
    assert removed == 0 and copied == len(list(p for p in staging.rglob("*") if p.is_file()))
    linked = {path for path in written if (output / path).stat().st_ino == (staging / path).stat().st_ino}
    assert linked == set(written)
    photo = next(p.relative_to(staging) for p in staging.rglob("*.jpg"))
    assert (output / photo).stat().st_ino != (staging / photo).stat().st_ino, "copied: Pelican rewrites it"
    assert publishing.tree_digest(output) == publishing.tree_digest(staging, known=written)

    before = folder_bytes(output)
    article = next((content / "bai-viet").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn thêm vào.\n", encoding="utf-8")
    build_site(staging, content=content, settings_file="publishconf.py")
    assert any("Một đoạn thêm".encode() in data for data in folder_bytes(staging).values()), "rebuilt"
    assert folder_bytes(output) == before, "output/ is only changed by the next sync"
    # The search index listed again only the bundle it made again; its record is still exact.
    root = staging / "pagefind"
    names = [entry.name for entry in root.iterdir() if entry.is_dir()]
    assert len(names) > 1
    recorded = search_index.recorded_outputs(f"{staging}-cache", staging)
    assert recorded == search_index.bundle_files(staging, root, names)
    publishing.sync_tree(staging, output, linkable=publishing.written_files(staging, f"{staging}-cache"))
    assert folder_bytes(output) == folder_bytes(staging)


def test_sync_tree_copies_only_what_differs(tmp_path):
    source, target = tmp_path / "build", tmp_path / "output"
    (source / "bai-viet").mkdir(parents=True)
    (source / "index.html").write_text("<p>Trang chủ</p>", encoding="utf-8")
    (source / "bai-viet" / "a.html").write_text("<p>Bài A</p>", encoding="utf-8")
    (target / "cu").mkdir(parents=True)
    (target / "cu" / "bai-da-xoa.html").write_text("<p>Cũ</p>", encoding="utf-8")
    (target / "index.html").write_text("<p>Trang cũ</p>", encoding="utf-8")

    assert publishing.sync_tree(source, target) == (2, 1)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "bai-viet", "bai-viet/a.html", "index.html",
    ]  # fmt: skip
    assert (target / "index.html").read_text(encoding="utf-8") == "<p>Trang chủ</p>"
    assert publishing.sync_tree(source, target) == (0, 0)

    # Rewritten with the same bytes (a new time): not copied; with new bytes: copied.
    (source / "index.html").write_text("<p>Trang chủ</p>", encoding="utf-8")
    os.utime(source / "index.html", ns=(1, 1))
    assert publishing.sync_tree(source, target) == (0, 0)
    (source / "bai-viet" / "a.html").write_text("<p>Bài B</p>", encoding="utf-8")
    assert publishing.sync_tree(source, target) == (1, 0)
    assert (target / "bai-viet" / "a.html").read_text(encoding="utf-8") == "<p>Bài B</p>"
