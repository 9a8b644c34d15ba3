"""Messages that survive a CI log: one line per problem, annotations, no traceback."""

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT

from trangxa.build_log.formatting import github_annotation, gitlab_issue, plain_line

GOOD = (
    "Title: Bài hợp lệ\nDate: 01/03/2025 08:00\nAuthor: Nguyễn Thu\nCategory: Kinh tế\n\nSáng 1/3, xã họp.\n"
)
# A long path: rich used to cut it in two at 80 columns ("…/chuyen-muc" / "-la.md:5:").
LONG_NAME = "bai-viet/2025/mot-ten-tep-rat-dai-de-kiem-tra-dong-khong-bi-cat-o-tam-muoi-cot-chuyen-muc-la.md"
BAD = "Title: Họp dân\nDate: 30/02/2025\nAuthor: Minh Chiến\nCategory: Kinh tế\n\nNội dung.\n"


def record(message, level=logging.ERROR):
    return logging.makeLogRecord({"msg": message, "levelno": level, "levelname": logging.getLevelName(level)})


@pytest.mark.parametrize(
    ("message", "level", "line"),
    [
        ("content/a.md:5: Ngày sai.", logging.ERROR, "content/a.md:5: lỗi: Ngày sai."),
        ("content/a.md: tự gắn vào UBND.", logging.WARNING, "content/a.md: cảnh báo: tự gắn vào UBND."),
        ("YAML sai:\n  dòng 3", logging.ERROR, "lỗi: YAML sai: dòng 3"),
        ("incremental_output: 3 files written", logging.INFO, "incremental_output: 3 files written"),
    ],
)
def test_plain_line(message, level, line):
    assert plain_line(record(message, level)) == line


def test_github_annotation_escapes_and_locates():
    annotation = github_annotation(record("content/a,b.md:7: 50% sai\ndòng hai"))
    assert annotation == "::error file=content/a%2Cb.md,line=7::50%25 sai dòng hai"
    assert github_annotation(record("content/a.md: xem lại", logging.WARNING)) == (
        "::warning file=content/a.md::xem lại"
    )
    assert github_annotation(record("đang dựng", logging.INFO)) is None


def test_gitlab_issue():
    issue = gitlab_issue(record("content/a.md:7: Ngày sai."))
    assert issue["location"] == {"path": "content/a.md", "lines": {"begin": 7}}
    assert issue["severity"] == "major" and issue["description"] == "Ngày sai."
    assert len(issue["fingerprint"]) == 64


@pytest.fixture
def bad_content(tmp_path):
    content = tmp_path / "content"
    (content / "bai-viet" / "2025").mkdir(parents=True)
    shutil.copy(CONTENT / "organizations.yml", content / "organizations.yml")
    (content / "bai-viet" / "2025" / "tot.md").write_text(GOOD, encoding="utf-8")
    (content / LONG_NAME).write_text(BAD, encoding="utf-8")
    return content


def strict_build(content, tmp_path, **env):
    """`make publish`'s build through a pipe, as in a CI log (stdout and stderr are not terminals)."""
    command = [
        str(Path(sys.executable).parent / "pelican"), str(content), "-o", str(tmp_path / "out"),
        "-s", str(ROOT / "publishconf.py"), "-e", f'CACHE_PATH="{tmp_path / "cache"}"', "SEARCH_INDEX=false",
    ]  # fmt: skip
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CODE_QUALITY_REPORT")}
    environment.update(COLUMNS="80", **env)
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=300)


def test_a_failed_strict_build_in_a_ci_log(bad_content, tmp_path):
    result = strict_build(bad_content, tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    bad_path = f"content/{LONG_NAME}"  # relative to the working folder, as in a pipeline
    problem = [line for line in lines if line.startswith(f"{bad_path}:2: lỗi: ")]
    assert len(problem) == 1 and "30/02/2025" in problem[0], result.stderr
    assert "Traceback" not in result.stderr and "ContentCheckFailed" not in result.stderr
    assert "Skipping" not in result.stderr, "Pelican's English notice repeats the problem"
    assert "\x1b[" not in result.stderr, "no colours in a log"
    # The last line is the Vietnamese verdict, and the bad article counts once.
    assert lines[-1].startswith("lỗi: Bản dựng nghiêm ngặt dừng lại vì có 1 lỗi"), lines[-1]


def test_github_actions_annotations(bad_content, tmp_path):
    result = strict_build(bad_content, tmp_path, GITHUB_ACTIONS="true")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error file=")]
    expected = f"::error file=content/{LONG_NAME},line=2::"
    assert any(line.startswith(expected) and "30/02/2025" in line for line in annotations), result.stdout


def test_gitlab_code_quality_report(bad_content, tmp_path):
    report = tmp_path / "gl-code-quality-report.json"
    result = strict_build(bad_content, tmp_path, CODE_QUALITY_REPORT=str(report))
    assert result.returncode == 1
    issues = json.loads(report.read_text(encoding="utf-8"))
    located = [i for i in issues if i["location"]["path"] == f"content/{LONG_NAME}"]
    assert len(located) == 1 and located[0]["location"]["lines"]["begin"] == 2
    assert located[0]["severity"] == "major" and "30/02/2025" in located[0]["description"]


def test_a_clean_build_says_everything_in_vietnamese(tmp_path):
    command = [
        str(Path(sys.executable).parent / "pelican"), str(CONTENT), "-o", str(tmp_path / "out"),
        "-s", str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{tmp_path / "cache"}"',
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert lines and all(line.strip() for line in lines)
    english = ("Done", "Processed", "written", "bundles", "WARNING", "ERROR", "CRITICAL", ".py:", "trangxa")
    assert not [line for line in lines if any(word in line for word in english)], lines
    assert not [line for line in lines if "lỗi:" in line or "cảnh báo:" in line], "the sample is clean"
    assert any(line.startswith("Đã dựng ") and " bài" in line for line in lines)
