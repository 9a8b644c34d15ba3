"""The importer of old portals' pages (trangxa.importer): each fixture page to its exact
Markdown, the credit-line shapes, dates, duplicates, idempotence, the report and the command.

The fixtures (tests/data/importer/) are pages written for this project in the shapes old
portals save: Liferay's "Xuất bản thông tin / Chi tiết bài viết Tin tức" with its frame
(menus, rating, comments and captcha, "Thông tin khác", sidebars), another CMS, and text
copied from such pages. expected/ holds the Markdown each one must give, byte for byte.
"""

import base64
import email.mime.image
import email.mime.multipart
import email.mime.text
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT
from pelican.settings import read_settings

from trangxa.importer import Importer, main
from trangxa.importer.credit import parse_credit
from trangxa.importer.dates import date_field, lead_date, years_for
from trangxa.importer.markdown import unedited
from trangxa.importer.sources import expand
from trangxa.importer.store import append_old_urls

DATA = Path(__file__).resolve().parent / "data" / "importer"
EXPECTED = DATA / "expected"
DUC_THUAN, HOA_LOI = "Phường Đức Thuận (cũ)", "Xã Hòa Lợi (cũ)"
WITH_UNIT = "Nguyễn Văn An, Văn phòng HĐND-UBND phường"
ROLES_AND_UNIT = "Tin, ảnh: Minh Chiến (Văn phòng UBND)"
SAVED_PAGE = "anh-kem-files/Chi tiết bài viết Tin tức - Cổng thông tin điện tử xã Hòa Lợi.html"

# case: (source, origin, file written under content/, status, flag codes)
CASES = {
    "tin-anh-cung-nguoi": (
        "tin-anh-cung-nguoi.html", DUC_THUAN,
        "bai-viet/2020/hoi-nong-dan-phuong-duc-thuan-tong-ket-cong-tac-hoi-nam-2019.md", "imported", [],
    ),
    "bt-hinh": (
        "bt-hinh.txt", HOA_LOI,
        "bai-viet/2021/xa-hoa-loi-ra-quan-chien-dich-thanh-nien-tinh-nguyen-he-nam-2021.md", "imported", [],
    ),
    "tin-anh-hai-nguoi": (
        "tin-anh-hai-nguoi.html", HOA_LOI,
        "bai-viet/2022/ra-mat-mo-hinh-dan-van-kheo-trong-xay-dung-nong-thon-moi.md", "imported", [],
    ),
    "ten-tac-gia": (
        "ten-tac-gia.txt", None,
        "bai-viet/2023/hoi-cuu-chien-binh-xa-tang-5-so-tiet-kiem-cho-hoi-vien-co-hoan-canh-kho-khan.md",
        "imported", [],
    ),
    "tac-gia-don-vi": (
        "tac-gia-don-vi.html", DUC_THUAN,
        "bai-viet/2021/lich-tiep-cong-dan-cua-chu-tich-ubnd-phuong-quy-iv-nam-2021.md", "imported", [],
    ),
    "ghi-nguon-la": (
        "ghi-nguon-la.txt", DUC_THUAN,
        "bai-viet/2020/phuong-duc-thuan-to-chuc-le-giao-nhan-quan-nam-2020.md", "draft",
        ["credit_unknown", "content_check"],
    ),
    "khong-tieu-de": (
        "khong-tieu-de.txt", HOA_LOI,
        "bai-viet/2020/chieu-ngay-05022020-ubnd-xa-hoa-loi-to-chuc-hoi-nghi-tong-ket-cong-tac-nam-2019-trien.md",
        "draft", ["title_guessed", "date_from_lead"],
    ),
    "thieu-nam": (
        "thieu-nam.txt", HOA_LOI,
        "bai-viet/chua-ro-ngay/hoi-lien-hiep-phu-nu-xa-ra-quan-ve-sinh-moi-truong-khu-dan-cu.md", "draft",
        ["year_missing"],
    ),
    "thieu-nam-suy-ra": (
        "thieu-nam-suy-ra.html", HOA_LOI,
        "bai-viet/2019/khai-giang-lop-xoa-mu-chu-cho-dong-bao-dan-toc-khmer-ap-rach-tram.md", "imported",
        ["year_inferred"],
    ),
    "doan-lap": (
        "doan-lap.html", HOA_LOI,
        "bai-viet/2022/xa-hoa-loi-trao-350-suat-qua-tet-cho-ho-ngheo-gia-dinh-chinh-sach.md", "imported",
        ["duplicate_paragraph", "duplicate_paragraph"],
    ),
    "binh-luan-captcha": (
        "binh-luan-captcha.html", DUC_THUAN,
        "bai-viet/2024/phu-nu-phuong-duc-thuan-ra-quan-ngay-chu-nhat-xanh.md", "imported", [],
    ),
    "anh-kem-files": (
        SAVED_PAGE, HOA_LOI,
        "bai-viet/2023/hoi-nghi-trien-khai-chuyen-doi-so-va-de-an-06-nam-2023.md",
        "imported", ["image_missing"],
    ),
}  # fmt: skip


def site(tmp_path):
    """A content folder (the registry, no article) and the site's settings pointing at it."""
    content = tmp_path / "content"
    (content / "bai-viet").mkdir(parents=True, exist_ok=True)
    shutil.copy(CONTENT / "organizations.yml", content / "organizations.yml")
    return content, read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})


def import_pages(tmp_path, *sources, origin=None, force=False, dry_run=False):
    content, settings = site(tmp_path)
    paths = expand([DATA / source for source in sources])
    entries = Importer(settings, content / "bai-viet", origin, force, dry_run).import_all(paths)
    return content, entries


@pytest.mark.parametrize("case", CASES)
def test_each_page_gives_its_exact_markdown(tmp_path, case):
    source, origin, written, status, flags = CASES[case]
    content, [entry] = import_pages(tmp_path, source, origin=origin)
    assert entry["status"] == status, entry
    assert [flag["code"] for flag in entry["flags"]] == flags
    path = content / written
    assert Path(entry["file"]).resolve() == path.resolve()
    assert path.read_text(encoding="utf-8") == (EXPECTED / f"{case}.md").read_text(encoding="utf-8")
    assert unedited(path.read_text(encoding="utf-8"))


def test_the_report_entry_says_what_was_read(tmp_path):
    _, [entry] = import_pages(tmp_path, "tin-anh-hai-nguoi.html", origin=HOA_LOI)
    assert entry["source"].endswith("tin-anh-hai-nguoi.html")
    assert (entry["title"], entry["date"]) == (
        "Ra mắt mô hình “Dân vận khéo” trong xây dựng nông thôn mới",
        "2022-03-12T15:20:00",
    )
    assert (entry["author"], entry["photographer"], entry["credit"]) == ("Nguyễn Thu", "Vũ Chiến", None)
    assert entry["organizations"] == ["Ủy ban MTTQ", "Đảng ủy"]
    assert entry["category"] == "Tin tức – Sự kiện"
    # Tracking parameters (Zalo, utm_*) are not part of the old address.
    assert entry["old_urls"] == [
        "http://hoaloi.binhnguyen.gov.vn/tin-tuc/ra-mat-mo-hinh-dan-van-kheo-trong-xay-dung-nong-thon-moi-1287.html"
    ]


def test_the_saved_pages_photos_are_copied_and_the_missing_one_reported(tmp_path):
    content, [entry] = import_pages(tmp_path, SAVED_PAGE, origin=HOA_LOI)
    files = DATA / SAVED_PAGE.replace(".html", "_files")
    copied = content / "images" / "2023" / "hoi-nghi-trien-khai-chuyen-doi-so-va-de-an-06-nam-2023"
    assert Path(f"{copied}-1.jpg").read_bytes() == (files / "DSC_0412.JPG").read_bytes()
    assert Path(f"{copied}-2.jpg").read_bytes() == (files / "to-cong-nghe-so.jpg").read_bytes()
    assert sorted(p.name for p in copied.parent.iterdir()) == [f"{copied.name}-1.jpg", f"{copied.name}-2.jpg"]
    [missing] = [flag for flag in entry["flags"] if flag["code"] == "image_missing"]
    assert "DSC_0415.JPG" in missing["message"]


@pytest.mark.parametrize(
    ("line", "author", "photographer", "credit"),
    [
        ("Tin, ảnh: Minh Chiến", "Minh Chiến", "Minh Chiến", None),
        ("Tin và ảnh: Hồng Nhung.", "Hồng Nhung", "Hồng Nhung", None),
        ("(Tin, ảnh: Minh Chiến)", "Minh Chiến", "Minh Chiến", None),
        ("BT: Nguyễn Văn Tâm +Hình: Lê Thị Hoa", "Nguyễn Văn Tâm", "Lê Thị Hoa", None),
        ("Tin: Nguyễn Thu – Ảnh: Vũ Chiến", "Nguyễn Thu", "Vũ Chiến", None),
        ("Tin: Tuấn Anh - Ảnh: Lê Hoa", "Tuấn Anh", "Lê Hoa", None),  # "Anh" is a name, "Ảnh" a role
        ("Tin, anh: Minh Chien", "Minh Chien", "Minh Chien", None),  # typed without diacritics
        ("Thu Hà", "Thu Hà", None, None),
        ("Thu Hà, Minh Chiến", "Thu Hà, Minh Chiến", None, None),
        ("BBT", "BBT", None, None),
        (WITH_UNIT, "Nguyễn Văn An", None, WITH_UNIT),
        ("Hồng Nhung (Trung tâm VHTT)", "Hồng Nhung", None, "Hồng Nhung (Trung tâm VHTT)"),
        (ROLES_AND_UNIT, "Minh Chiến", "Minh Chiến", ROLES_AND_UNIT),
        ("Nguồn: Báo Bình Nguyên", None, None, "Nguồn: Báo Bình Nguyên"),
        ("Theo Báo Bình Nguyên", None, None, "Theo Báo Bình Nguyên"),
    ],
)  # fmt: skip
def test_credit_line_shapes(line, author, photographer, credit):
    found = parse_credit(line)
    assert (found.author, found.photographer, found.credit) == (author, photographer, credit)


@pytest.mark.parametrize(
    "line",
    [
        "TTVH - TT phường Đức Thuận thực hiện",
        "Xin trân trọng giới thiệu",
        "Hết",
        "PV",
        "Nguồn tin: Đài truyền thanh",
    ],
)
def test_other_lines_are_not_credits(line):
    assert parse_credit(line) is None


def test_dates_are_read_day_first_and_never_invented():
    assert (
        lead_date("Chiều ngày 05/02/2020, UBND xã tổ chức hội nghị").moment().isoformat()
        == "2020-02-05T00:00:00"
    )
    # The event's date (said with a part of the day) rather than a document's date.
    found = lead_date(
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2020 của UBND huyện, sáng ngày 20/3/2020, xã…"
    )
    assert (found.day, found.month, found.year) == (20, 3, 2020)
    assert lead_date("Sáng 15/7, Hội Nông dân xã").year is None
    assert lead_date("Xã đạt 12/15 chỉ tiêu, 3/4 số hộ có nước sạch.") is None
    field = date_field("Ngày đăng: 10:25 | 05/02/2020")
    assert (field.day, field.month, field.year, field.hour, field.minute) == (5, 2, 2020, 10, 25)
    assert date_field("Thứ Tư, 05/02/2020 - 08:30 CH").hour == 20
    assert years_for(3, 9, ["IMG_20190903_0815.jpg"]) == {2019: "IMG_20190903_0815.jpg"}
    assert set(years_for(3, 9, ["IMG_20190903_0815.jpg", "ngày 03/09/2018"])) == {2018, 2019}  # ambiguous


def test_importing_again_changes_nothing(tmp_path):
    content, first = import_pages(tmp_path, "tin-anh-cung-nguoi.html", "bt-hinh.txt", origin=DUC_THUAN)
    files = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    _, second = import_pages(tmp_path, "tin-anh-cung-nguoi.html", "bt-hinh.txt", origin=DUC_THUAN)
    assert [e["action"] for e in first] == ["written", "written"]
    assert [e["action"] for e in second] == ["unchanged", "unchanged"]
    assert [(e["status"], e["file"]) for e in second] == [(e["status"], e["file"]) for e in first]
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == files


def test_an_edited_article_is_kept_unless_forced(tmp_path):
    content, [entry] = import_pages(tmp_path, "bt-hinh.txt", origin=HOA_LOI)
    path = Path(entry["file"])
    edited = path.read_text(encoding="utf-8").replace("Chiến dịch kéo dài", "Chiến dịch sẽ kéo dài")
    path.write_text(edited, encoding="utf-8")
    _, [again] = import_pages(tmp_path, "bt-hinh.txt", origin=HOA_LOI)
    assert again["status"] == "skipped" and "--force" in again["reason"]
    assert path.read_text(encoding="utf-8") == edited
    _, [forced] = import_pages(tmp_path, "bt-hinh.txt", origin=HOA_LOI, force=True)
    assert (forced["status"], forced["action"]) == ("imported", "overwritten")
    assert path.read_text(encoding="utf-8") == (EXPECTED / "bt-hinh.md").read_text(encoding="utf-8")


def test_an_unedited_article_is_brought_up_to_date(tmp_path):
    content, [entry] = import_pages(tmp_path, "bt-hinh.txt", origin=HOA_LOI)
    path = Path(entry["file"])
    from trangxa.importer.markdown import redigest

    path.write_text(
        redigest(path.read_text(encoding="utf-8").replace("\n---\n\n", "\n---\n\nOld.\n\n")), encoding="utf-8"
    )
    _, [again] = import_pages(tmp_path, "bt-hinh.txt", origin=HOA_LOI)  # as an older importer wrote it
    assert again["action"] == "updated"
    assert path.read_text(encoding="utf-8") == (EXPECTED / "bt-hinh.md").read_text(encoding="utf-8")


def test_two_portals_holding_one_article_give_one_article_with_both_old_addresses(tmp_path):
    content, [first] = import_pages(tmp_path, "hai-cong/duc-thuan", origin=DUC_THUAN)
    _, [second] = import_pages(tmp_path, "hai-cong/hoa-loi", origin=HOA_LOI)
    assert first["status"] == "imported"
    assert second["status"] == "skipped" and second["duplicate_of"] == first["file"]
    assert "Trùng với bài “Hội nghị triển khai Đề án sắp xếp đơn vị hành chính cấp xã”" in second["reason"]
    assert [p.name for p in (content / "bai-viet").rglob("*.md")] == [Path(first["file"]).name]
    text = Path(first["file"]).read_text(encoding="utf-8")
    assert text == (EXPECTED / "hai-cong.md").read_text(encoding="utf-8")
    assert unedited(text), "the importer's own change keeps the file 'as imported'"
    # Importing the first portal again keeps the address the second portal added.
    _, [again] = import_pages(tmp_path, "hai-cong/duc-thuan", origin=DUC_THUAN)
    assert again["action"] == "unchanged"


def test_two_portals_in_one_import_give_one_article(tmp_path):
    content, entries = import_pages(tmp_path, "hai-cong", origin=DUC_THUAN)
    assert [e["status"] for e in entries] == ["imported", "skipped"]
    assert entries[1]["duplicate_of"] == entries[0]["file"]
    assert len(entries[0]["old_urls"]) == 2
    assert len(list((content / "bai-viet").rglob("*.md"))) == 1


def test_an_article_already_on_the_site_gets_the_old_address(tmp_path):
    content, settings = site(tmp_path)
    written = content / "bai-viet" / "2025" / "hoi-nghi.md"
    written.parent.mkdir(parents=True)
    written.write_text(
        "---\ntitle: Hội nghị triển khai Đề án sắp xếp đơn vị hành chính cấp xã\ndate: 10/04/2025 08:00\n"
        "author: Ban biên tập\n---\n\nBài do biên tập viên viết.\n",
        encoding="utf-8",
    )
    [entry] = Importer(settings, content / "bai-viet", DUC_THUAN).import_all(
        expand([DATA / "hai-cong/duc-thuan"])
    )
    assert entry["status"] == "skipped" and entry["duplicate_of"].endswith("bai-viet/2025/hoi-nghi.md")
    assert written.read_text(encoding="utf-8") == (
        "---\ntitle: Hội nghị triển khai Đề án sắp xếp đơn vị hành chính cấp xã\ndate: 10/04/2025 08:00\n"
        "author: Ban biên tập\nold_urls:\n  - https://ducthuan.binhnguyen.gov.vn/web/guest/xuat-ban-thong-tin/-/"
        "asset_publisher/Kx7pQm2Lr9Ad/content/hoi-nghi-trien-khai-sap-xep-don-vi-hanh-chinh\n---\n\n"
        "Bài do biên tập viên viết.\n"
    )


def test_old_addresses_are_added_without_touching_the_rest(tmp_path):
    path = tmp_path / "bai.md"
    path.write_text(
        '---\ntitle: "A: b"\nold_urls:\n  - https://a.vn/x\ntags: [c]\n---\n\nThân bài.\n', encoding="utf-8"
    )
    assert append_old_urls(path, ["https://b.vn/y", "https://a.vn/x"])
    assert path.read_text(encoding="utf-8") == (
        '---\ntitle: "A: b"\nold_urls:\n  - https://a.vn/x\n  - https://b.vn/y\ntags: [c]\n---\n\nThân bài.\n'
    )
    flow = tmp_path / "flow.md"
    flow.write_text("---\ntitle: A\nold_urls: [https://a.vn/x]\n---\n\nThân bài.\n", encoding="utf-8")
    assert not append_old_urls(flow, ["https://b.vn/y"])
    key_value = tmp_path / "key-value.md"
    key_value.write_text("Title: A\nDate: 01/01/2020\n\nThân bài.\n", encoding="utf-8")
    assert not append_old_urls(key_value, ["https://b.vn/y"])


def test_an_old_address_several_pages_share_is_not_recorded(tmp_path):
    """Liferay's canonical link names the detail page, shared by every article."""
    content, entries = import_pages(tmp_path, "tin-anh-cung-nguoi.html", "binh-luan-captcha.html")
    for entry in entries:
        assert len(entry["old_urls"]) == 1 and "/content/" in entry["old_urls"][0]


def test_the_command_writes_the_report_and_prints_a_summary(tmp_path, capsys, monkeypatch):
    content, _ = site(tmp_path)
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import runpy\nglobals().update(runpy.run_path({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
    )
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "bao-cao" / "nhap.json"
    code = main([
        "--source", str(DATA / "*.txt"), str(DATA / "doan-lap.html"), "--into", "content/bai-viet",
        "--origin", HOA_LOI, "--report", str(report), "--settings", str(settings),
    ])  # fmt: skip
    assert code == 0
    entries = json.loads(report.read_text(encoding="utf-8"))
    texts = ["bt-hinh.txt", "ghi-nguon-la.txt", "khong-tieu-de.txt", "ten-tac-gia.txt", "thieu-nam.txt"]
    assert [Path(e["source"]).name for e in entries] == [*texts, "doan-lap.html"]
    for entry in entries:
        assert {
            "source",
            "status",
            "file",
            "title",
            "date",
            "author",
            "photographer",
            "flags",
        } <= entry.keys()
        assert all(set(flag) == {"code", "message"} for flag in entry["flags"])
    assert [e["status"] for e in entries] == ["imported", "draft", "draft", "imported", "draft", "imported"]
    assert entries[4]["date"] is None and entries[4]["file"].startswith("content/bai-viet/chua-ro-ngay/")
    out = capsys.readouterr().out
    assert "Đã nhập: 3 bài." in out
    assert "Ghi thành bản nháp (status: draft), cần biên tập viên hoàn thiện: 3 bài." in out
    assert (
        "content/bai-viet/chua-ro-ngay/hoi-lien-hiep-phu-nu-xa-ra-quan-ve-sinh-moi-truong-khu-dan-cu.md"
        in out
    )
    assert "Trường được đoán (kiểm tra lại):" in out and "tiêu đề tạm lấy từ câu đầu tiên" in out
    assert f"Báo cáo đầy đủ: {report}" in out


def test_a_dry_run_writes_nothing(tmp_path):
    content, entries = import_pages(tmp_path, "tin-anh-cung-nguoi.html", SAVED_PAGE, dry_run=True)
    assert [e["action"] for e in entries] == ["written (thử)", "written (thử)"]
    assert [p for p in content.rglob("*") if p.is_file()] == [content / "organizations.yml"]


def test_nothing_to_import_is_said(tmp_path, capsys):
    assert (
        main(
            [
                "--source",
                str(tmp_path / "*.html"),
                "--into",
                str(tmp_path),
                "--settings",
                str(ROOT / "pelicanconf.py"),
            ]
        )
        == 1
    )
    assert "Không có tệp nào" in capsys.readouterr().err


def windows_1258(text):
    """Text as an old Windows editor saves Vietnamese: the letter with its shape (â, ơ, ư…)
    in one byte, the tone as a combining mark after it."""
    out = []
    for char in text:
        marks = unicodedata.normalize("NFD", char)
        shape = "".join(m for m in marks[1:] if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in marks[1:] if m not in shape)
        out.append(unicodedata.normalize("NFC", marks[0] + shape) + tones)
    return "".join(out).encode("cp1258")


def test_other_ways_of_saving_a_page(tmp_path):
    """A page saved as one file (.mhtml), a page whose photos are inside it (data:), text
    saved by an old Windows editor; a file linked on the old portal, a table with merged cells."""
    files = DATA / "thieu-nam-suy-ra_files"
    photo = (files / "IMG_20190903_152214.jpg").read_bytes()
    address = "https://hoaloi.binhnguyen.gov.vn/documents/IMG_20190903_152214.jpg"
    message = email.mime.multipart.MIMEMultipart("related")
    message["Snapshot-Content-Location"] = "https://hoaloi.binhnguyen.gov.vn/tin-tuc/khai-giang-xoa-mu-chu"
    html = (DATA / "thieu-nam-suy-ra.html").read_text(encoding="utf-8")
    message.attach(
        email.mime.text.MIMEText(
            html.replace("./thieu-nam-suy-ra_files/", address.rsplit("/", 1)[0] + "/"), "html", "utf-8"
        )
    )
    image = email.mime.image.MIMEImage(photo, "jpeg")
    image["Content-Location"] = address
    message.attach(image)
    pages = tmp_path / "cu"
    pages.mkdir()
    (pages / "mot-tep.mhtml").write_bytes(message.as_bytes())
    (pages / "singlefile.html").write_text(
        "<!DOCTYPE html><html><!--\n Page saved with SingleFile \n"
        " url: https://anphu.gov.vn/tin-tuc/hop-mat \n"
        "-->"
        "<head><meta charset=utf-8><title>Họp mặt</title></head><body>"
        "<h2>Họp mặt kỷ niệm 90 năm Ngày thành lập Hội Nông dân Việt Nam</h2>"
        "<p>Sáng 14/10/2020, Hội Nông dân xã An Phú tổ chức họp mặt kỷ niệm 90 năm Ngày thành lập Hội.</p>"
        f'<p><img src="data:image/jpeg;base64,{base64.b64encode(photo).decode()}" alt="Họp mặt"></p>'
        '<p>Đại biểu dự họp mặt</p><p>Xem <a href="/documents/ke-hoach.pdf">kế hoạch</a> của Hội.</p>'
        "<table><tr><td colspan=2>Kết quả</td></tr><tr><td>Hội viên</td><td>1.540</td></tr></table>"
        "<p>Tin, ảnh: Ngọc Hân</p></body></html>",
        encoding="utf-8",
    )
    (pages / "notepad.txt").write_bytes(windows_1258(
        "Hội nghị tổng kết công tác Hội Nông dân năm 2017\nNgày 10/01/2018\n"
        "Sáng ngày 09/01/2018, Hội Nông dân xã tổ chức hội nghị tổng kết công tác Hội năm 2017.\n"
        "Tin: Minh Châu\n"
    ))  # fmt: skip
    content, settings = site(tmp_path)
    mhtml, notepad, single = Importer(settings, content / "bai-viet").import_all(expand([pages]))  # by name
    assert mhtml["old_urls"][0] == "https://hoaloi.binhnguyen.gov.vn/tin-tuc/khai-giang-xoa-mu-chu"
    assert (
        content / "images/2019/khai-giang-lop-xoa-mu-chu-cho-dong-bao-dan-toc-khmer-ap-rach-tram-1.jpg"
    ).read_bytes() == photo
    assert single["old_urls"] == ["https://anphu.gov.vn/tin-tuc/hop-mat"]
    assert (content / "images/2020").is_dir() and single["date"] == "2020-10-14"
    codes = [flag["code"] for flag in single["flags"]]
    assert codes == ["table_merged", "old_attachment", "date_from_lead"]
    assert "https://anphu.gov.vn/documents/ke-hoach.pdf" in single["flags"][1]["message"]
    assert notepad["title"] == "Hội nghị tổng kết công tác Hội Nông dân năm 2017"
    assert (notepad["author"], notepad["date"]) == ("Minh Châu", "2018-01-10")
    assert [flag["code"] for flag in notepad["flags"]] == ["encoding"]


def test_a_source_that_matches_nothing_is_named(tmp_path, capsys):
    page = tmp_path / "trang.txt"
    page.write_text("Hội nghị\n\nSáng ngày 05/02/2020, xã họp.\n\nTin, ảnh: Minh Chiến\n", encoding="utf-8")
    missing = str(tmp_path / "khong-co" / "*.html")
    arguments = ["--source", str(page), "--source", missing, "--into", str(tmp_path / "bai-viet")]
    main([*arguments, "--settings", str(ROOT / "pelicanconf.py"), "--dry-run"])
    assert f"khớp với: {missing} (bỏ qua)" in capsys.readouterr().err
