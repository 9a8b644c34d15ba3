"""Văn bản: every bad input reported at its file and line, in Vietnamese; a strict build
fails; nothing dropped silently. Also the number rules, file sniffing, the text cache, and
incremental rebuilds (a new document reaches the home and organization pages)."""

import hashlib
import logging
import re
import shutil
from urllib.parse import unquote

import pytest
from conftest import CONTENT, build_site

from trangxa.documents import attachments, numbers
from trangxa.documents.attachments import TextCache

SAMPLE_PDF = CONTENT / "van-ban/2025/125-kh-ubnd.pdf"
SAMPLE_DOCX = CONTENT / "van-ban/2025/356-ubnd-vp.docx"
SCANNED_PDF = CONTENT / "van-ban/2026/05-kh-cax.pdf"
FORMS = {
    "Quyết định": "QĐ",
    "Nghị quyết": "NQ",
    "Kế hoạch": "KH",
    "Chỉ thị": "CT",
    "Công văn": None,
    "Tờ trình": "TTr",
}

GOOD = {
    "form": "Kế hoạch",
    "number": "125/KH-UBND",
    "issuer": "UBND",
    "signer": "Nguyễn Văn Hòa, Chủ tịch UBND xã",
    "issued": "05/03/2025",
    "effective": "ngày ký",
    "title": "Kế hoạch phòng, chống dịch bệnh trên cây lúa",
    "field": "Kinh tế – Nông nghiệp",
    "files": "ke-hoach.pdf",
}


def yaml_document(**changes):
    fields = {**GOOD, **changes}
    lines = ["---", *(f"{k}: {v}" for k, v in fields.items() if v is not None), "---", ""]
    return "\n".join(lines)


def pelican_document(**changes):
    fields = {**GOOD, **changes}
    return "\n".join(f"{k.capitalize()}: {v}" for k, v in fields.items() if v is not None) + "\n"


# name -> (file text, field whose line is reported (None: line 1), words of the message, published?)
CASES = {
    "thieu-so": (
        yaml_document(number=None, files="thieu-so.pdf"),
        None,
        ["chưa có số ký hiệu", "125/KH-UBND"],
        True,
    ),
    "sai-dang-so": (
        yaml_document(number="126/KH.UBND", files="sai-dang-so.pdf"),
        "number",
        ["không đúng dạng", "Có phải “126/KH-UBND”?"],
        True,
    ),
    "so-cua-loai-khac": (
        pelican_document(number="127/QĐ-UBND", files="so-cua-loai-khac.pdf"),
        "number",
        ["là ký hiệu của Quyết định", "Có phải “127/KH-UBND”?"],
        True,
    ),
    "so-khong-dau": (
        yaml_document(form="Nghị quyết", issuer="HĐND", number="05/2025/NQ-HDND", files="so-khong-dau.pdf"),
        "number",
        ["đúng là “HĐND”", "Có phải “05/2025/NQ-HĐND”?"],
        True,
    ),
    "loai-la": (
        yaml_document(form="Kế hoạt", files="loai-la.pdf"),
        "form",
        ["Loại văn bản “Kế hoạt” không có", "Có phải “Kế hoạch”?"],
        True,
    ),
    "co-quan-la": (
        yaml_document(issuer="UBND huyện Bình Sơn", number="128/KH-UBND", files="co-quan-la.pdf"),
        "issuer",
        ["Không có tổ chức “UBND huyện Bình Sơn”", "organizations.yml"],
        True,
    ),
    "ngay-khong-co": (
        yaml_document(number="129/KH-UBND", effective="31/04/2025", files="ngay-khong-co.pdf"),
        "effective",
        ["Ngày có hiệu lực", "không tồn tại", "30/04/2025"],
        True,
    ),
    "thang-truoc-ngay": (
        pelican_document(number="130/KH-UBND", issued="03/15/2025", files="thang-truoc-ngay.pdf"),
        "issued",
        ["Ngày ban hành", "viết ngược", "15/03/2025"],
        False,
    ),
    "hieu-luc-truoc": (
        yaml_document(
            number="131/KH-UBND", issued="10/05/2025", effective="01/05/2025", files="hieu-luc-truoc.pdf"
        ),
        "effective",
        ["trước ngày ban hành 10/05/2025"],
        True,
    ),
    "thieu-tep": (
        yaml_document(number="132/KH-UBND", files="ke-hoach-132.pdf"),
        "files",
        ["Không tìm thấy tệp đính kèm “ke-hoach-132.pdf”", "Có phải “Ke-hoach-132.pdf”?"],
        True,
    ),
    "tep-gia": (
        yaml_document(number="133/KH-UBND", files="tep-gia.pdf"),
        "files",
        ["có đuôi .pdf nhưng nội dung là tệp Word .docx"],
        True,
    ),
    "trung-so": (
        yaml_document(number="125/KH-UBND", issued="06/03/2025", files="trung-so.pdf"),
        "number",
        ["đã dùng cho văn bản", "goc.md"],
        True,
    ),
    "thieu-trich-yeu": (
        yaml_document(number="134/KH-UBND", title=None, files="thieu-trich-yeu.pdf"),
        None,
        ["chưa có trích yếu"],
        False,
    ),
    "yaml-hong": ("---\nform: Kế hoạch\ntitle: Kế hoạch: sai\n  x: [\n---\n", "title", ["YAML"], False),
    "thay-the-la": (
        yaml_document(number="135/KH-UBND", replaced_by="999/KH-UBND", files="thay-the-la.pdf"),
        "replaced_by",
        ["Không có văn bản số “999/KH-UBND”"],
        True,
    ),
    "truong-la": (
        yaml_document(number="136/KH-UBND", so_ky_hieu="136/KH-UBND", files="truong-la.pdf"),
        "so_ky_hieu",
        ["Trường “so_ky_hieu”", "Có phải “number”?"],
        True,
    ),
    "tuong-lai": (
        yaml_document(number="137/KH-UBND", issued="05/03/2099", files="tuong-lai.pdf"),
        "issued",
        ["chưa tới"],
        True,
    ),
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    root = tmp_path_factory.mktemp("documents-bad")
    folder = root / "content" / "van-ban" / "2025"
    folder.mkdir(parents=True)
    (folder / "goc.md").write_text(yaml_document(files="goc.pdf"), encoding="utf-8")
    shutil.copy(SAMPLE_PDF, folder / "goc.pdf")
    for name, (text, *_rest) in CASES.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
        shutil.copy(SAMPLE_PDF, folder / f"{name}.pdf")
    (folder / "thieu-tep.pdf").unlink()
    shutil.copy(SAMPLE_PDF, folder / "Ke-hoach-132.pdf")  # the name differs by its case only
    shutil.copy(SAMPLE_DOCX, folder / "tep-gia.pdf")  # a Word file renamed .pdf
    shutil.copy(SAMPLE_PDF, folder / "khong-thuoc-van-ban-nao.pdf")
    output = root / "output"
    records = build_site(output, root / "content", SEARCH_INDEX=False)
    return {"folder": folder, "output": output, "messages": [r.getMessage() for r in records]}


def line_of(text, field):
    if field is None:
        return 1
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(rf"{field}\s*:", line, re.IGNORECASE):
            return number
    raise AssertionError(field)


@pytest.mark.parametrize("name", list(CASES))
def test_each_bad_input_is_reported_at_its_line_in_vietnamese(bad, name):
    text, field, words, published = CASES[name]
    path = bad["folder"] / f"{name}.md"
    prefix = f"{path}:{line_of(text, field)}: "
    found = [m for m in bad["messages"] if m.startswith(prefix) and all(w in m for w in words)]
    assert found, (prefix, words, [m for m in bad["messages"] if str(path) in m])
    page = bad["output"] / "van-ban/2025" / f"{name}.html"
    assert page.is_file() == published


def test_nothing_is_dropped_silently(bad):
    recap = [m for m in bad["messages"] if "tệp văn bản không được đăng" in m]
    assert len(recap) == 1
    for path in sorted(bad["folder"].glob("*.md")):
        published = (bad["output"] / "van-ban/2025" / f"{path.stem}.html").is_file()
        assert published != (str(path) in recap[0]), path
    stray = bad["folder"] / "khong-thuoc-van-ban-nao.pdf"
    assert f"{stray}:1: Tệp “khong-thuoc-van-ban-nao.pdf” không thuộc văn bản nào" in "\n".join(
        bad["messages"]
    )
    assert str(stray) in recap[0]
    # A file named in `files` but wrong is reported there, once, not again as a stray file.
    assert not [m for m in bad["messages"] if "tep-gia.pdf:1:" in m]
    assert not (bad["output"] / "van-ban/2025/khong-thuoc-van-ban-nao.pdf").exists()
    # The good one and its file are published; the original of the duplicated number is not reported.
    assert (bad["output"] / "van-ban/2025/goc.pdf").is_file()
    assert not [m for m in bad["messages"] if "goc.md:" in m]


def test_a_strict_build_fails_on_a_bad_document(tmp_path):
    folder = tmp_path / "content" / "van-ban"
    folder.mkdir(parents=True)
    (folder / "sai.md").write_text(yaml_document(number="125/KH.UBND", files="sai.pdf"), encoding="utf-8")
    shutil.copy(SAMPLE_PDF, folder / "sai.pdf")
    with pytest.raises(Exception, match="Bản dựng nghiêm ngặt dừng lại vì có 1 lỗi") as failure:
        build_site(
            tmp_path / "output", tmp_path / "content", settings_file="publishconf.py", SEARCH_INDEX=False
        )
    assert getattr(failure.value, "expected_failure", False)


def test_a_good_document_in_either_syntax_builds_without_a_word(tmp_path):
    folder = tmp_path / "content" / "van-ban"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(yaml_document(files="a.pdf"), encoding="utf-8")
    text = pelican_document(number="126/KH-UBND", files="Kế hoạch số 126.pdf")  # a name as Windows gives it
    (folder / "b.md").write_text(text, encoding="utf-8")
    for name in ("a.pdf", "Kế hoạch số 126.pdf"):
        shutil.copy(SAMPLE_PDF, folder / name)
    output = tmp_path / "output"
    records = build_site(output, tmp_path / "content", settings_file="publishconf.py", SEARCH_INDEX=False)
    assert [r.getMessage() for r in records if r.levelno >= logging.WARNING] == []
    assert (output / "van-ban/a.html").is_file()
    page = (output / "van-ban/b.html").read_text(encoding="utf-8")
    href = re.search(r'href="([^"]+\.pdf)" type="application/pdf" download', page).group(1)
    assert " " not in href and "%20" in href
    assert (output / unquote(href.split("/", 3)[-1])).read_bytes() == SAMPLE_PDF.read_bytes()


# --- Numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form", "issuer", "expected"),
    [
        ("125/KH-UBND", "Kế hoạch", "UBND", (125, None, "KH", "UBND", "state")),
        ("05/2025/NQ-HĐND", "Nghị quyết", "HĐND", (5, 2025, "NQ", "HĐND", "state")),
        ("356/UBND-VP", "Công văn", "UBND", (356, None, None, "UBND-VP", "state")),
        ("02-CT/ĐU", "Chỉ thị", "ĐU", (2, None, "CT", "ĐU", "party")),
        ("95/TTr-UBND", "Tờ trình", "UBND", (95, None, "TTr", "UBND", "state")),
        ("30/KH-MTTQ-BTT", "Kế hoạch", "MTTQ", (30, None, "KH", "MTTQ-BTT", "state")),
    ],
)
def test_well_formed_numbers_are_read_and_accepted(text, form, issuer, expected):
    parsed = numbers.parse(text, FORMS)
    assert (parsed.no, parsed.year, parsed.code, parsed.org, parsed.style) == expected
    assert numbers.problems(text, form, issuer, 2025, FORMS, party_style=issuer == "ĐU") == []


@pytest.mark.parametrize(
    ("text", "form", "issuer", "suggestion"),
    [
        ("125/KH.UBND", "Kế hoạch", "UBND", "125/KH-UBND"),
        ("125 / KH - UBND", "Kế hoạch", "UBND", "125/KH-UBND"),
        ("125/kh-ubnd", "Kế hoạch", "UBND", "125/KH-UBND"),
        ("Số: 125/KH-UBND", "Kế hoạch", "UBND", "125/KH-UBND"),
        ("125-KH-UBND", "Kế hoạch", "UBND", "125/KH-UBND"),
        ("125/QĐ-UBND", "Kế hoạch", "UBND", "125/KH-UBND"),
        ("05/2025/NQ-HDND", "Nghị quyết", "HĐND", "05/2025/NQ-HĐND"),
        ("05/2025/nq-hdnd", "Nghị quyết", "HĐND", "05/2025/NQ-HĐND"),
        ("02/CT-ĐU", "Chỉ thị", "ĐU", "02-CT/ĐU"),
        ("356/ubnd-vp", "Công văn", "UBND", "356/UBND-VP"),
        ("356/KH-UBND", "Công văn", "UBND", "356/UBND"),
    ],
)
def test_a_malformed_number_gets_the_closest_correct_one(text, form, issuer, suggestion):
    found = numbers.problems(text, form, issuer, 2025, FORMS, party_style=issuer == "ĐU")
    assert len(found) == 1
    assert f"Có phải “{suggestion}”?" in found[0]
    assert numbers.problems(suggestion, form, issuer, 2025, FORMS, party_style=issuer == "ĐU") == []


def test_a_number_is_the_same_whatever_its_case_accents_and_zeros():
    assert numbers.key("05/2025/NQ-HĐND") == numbers.key("5/2025/nq-hdnd")
    assert numbers.key("125/KH-UBND") != numbers.key("126/KH-UBND")


def test_the_year_in_a_number_must_be_the_year_of_issue():
    (message,) = numbers.problems("05/2024/NQ-HĐND", "Nghị quyết", "HĐND", 2025, FORMS)
    assert "năm trong số ký hiệu (2024) khác năm ban hành (2025)" in message


# --- Files ---------------------------------------------------------------------------------------


def test_files_are_recognised_by_their_content(tmp_path):
    assert attachments.sniff(SAMPLE_PDF) == "pdf"
    assert attachments.sniff(SAMPLE_DOCX) == "docx"
    assert attachments.sniff(CONTENT / "van-ban/2024/15-nq-hdnd-du-toan.xlsx") == "xlsx"
    fake = tmp_path / "a.pdf"
    fake.write_text("<!doctype html><title>x</title>", encoding="utf-8")
    assert attachments.sniff(fake) == "html"
    assert not attachments.matches_extension("docx", "pdf")


@pytest.mark.parametrize(
    ("size", "label"), [(812, "812 byte"), (1024, "1 KB"), (29_900, "29,2 KB"), (1_572_864, "1,5 MB")]
)
def test_sizes_are_written_the_vietnamese_way(size, label):
    assert attachments.size_label(size) == label


def test_text_is_extracted_once_per_content_and_scans_are_told(tmp_path):
    copy = tmp_path / "renamed.pdf"
    shutil.copy(SAMPLE_PDF, copy)
    digest = hashlib.sha256(SAMPLE_PDF.read_bytes()).hexdigest()
    cache = TextCache(tmp_path / "cache")
    wanted = {
        cache.digest(str(SAMPLE_PDF), SAMPLE_PDF.stat()): (str(SAMPLE_PDF), "pdf"),
        cache.digest(str(copy), copy.stat()): (str(copy), "pdf"),
        cache.digest(str(SCANNED_PDF), SCANNED_PDF.stat()): (str(SCANNED_PDF), "pdf"),
        cache.digest(str(SAMPLE_DOCX), SAMPLE_DOCX.stat()): (str(SAMPLE_DOCX), "docx"),
    }
    texts = cache.texts(wanted)
    cache.save()
    assert cache.extracted == 3  # the copy has the same content: read once
    assert texts[digest]["status"] == "text" and "rầy nâu" in " ".join(texts[digest]["text"])
    scanned = hashlib.sha256(SCANNED_PDF.read_bytes()).hexdigest()
    assert texts[scanned]["status"] == "scanned"
    docx = hashlib.sha256(SAMPLE_DOCX.read_bytes()).hexdigest()
    assert "thuế sử dụng đất phi nông nghiệp" in texts[docx]["text"][0]
    again = TextCache(tmp_path / "cache")
    again.texts({again.digest(str(copy), copy.stat()): (str(copy), "pdf")})
    assert again.extracted == 0


# --- Incremental rebuilds ------------------------------------------------------------------------

NEW_DOCUMENT = yaml_document(
    number="400/QĐ-UBND", form="Quyết định", issued="25/11/2026", files="400-qd-ubnd.pdf",
    title="Quyết định thành lập Ban Chỉ đạo phòng, chống thiên tai năm 2027",
)  # fmt: skip


def publish(content, output, cache):
    records = build_site(
        output,
        content,
        settings_file="publishconf.py",
        log_level=logging.INFO,
        SEARCH_INDEX=False,
        CACHE_PATH=str(cache),
    )
    summary = [r.getMessage() for r in records if r.getMessage().startswith("Đã ghi ")]
    return summary[0]


def tree(folder):
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "sitemap.xml" and not path.name.endswith(".xml")
    }


def test_a_new_document_reaches_the_home_and_organization_pages_incrementally(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output, cache = tmp_path / "output", tmp_path / "cache"
    publish(content, output, cache)
    again = publish(content, output, cache)
    assert again.startswith("Đã ghi 4 trang"), again  # nothing of the documents is written again
    before = tree(output)
    folder = content / "van-ban/2026"
    (folder / "400-qd-ubnd.md").write_text(NEW_DOCUMENT, encoding="utf-8")
    shutil.copy(SAMPLE_PDF, folder / "400-qd-ubnd.pdf")
    publish(content, output, cache)
    after = tree(output)
    changed = {path for path in before if after.get(path) != before[path]}
    assert {"index.html", "to-chuc/ubnd/index.html", "van-ban/index.html", "van-ban/index.json"} <= changed
    assert "van-ban/2026/400-qd-ubnd.html" in after
    assert not [path for path in changed if path.startswith("bai-viet/")], "no article page"
    full = tmp_path / "full"
    publish(content, full, tmp_path / "fresh-cache")
    assert tree(full) == after
