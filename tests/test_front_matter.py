"""Both front-matter syntaxes, line numbers, and the lead paragraph."""

import pytest
from conftest import DATA, build_site

from trangxa.front_matter.front_matter import content_relative, link_local_files, split_lead
from trangxa.front_matter.parsing import FrontMatterError, split_front_matter

PELICAN_STYLE = """Title: Hội nghị sơ kết
Date: 15/07/2024
Organizations: Hội Nông dân,
    UBND

Thân bài.
"""

YAML_STYLE = """---
title: "Hội nghị: sơ kết"
date: 2024-07-15
organizations:
  - Hội Nông dân
  - UBND
---

Thân bài.
"""


def test_pelican_style_fields_keep_their_lines():
    front = split_front_matter(PELICAN_STYLE)
    assert front.syntax == "pelican"
    lines = {field.name: field.line for field in front.fields}
    assert lines == {"title": 1, "date": 2, "organizations": 3}
    assert front.fields[2].value == "Hội Nông dân,\nUBND"
    assert front.body.strip() == "Thân bài."
    assert front.body_line == 5


def test_yaml_fields_keep_their_lines():
    front = split_front_matter(YAML_STYLE)
    assert front.syntax == "yaml"
    fields = {field.name: field for field in front.fields}
    assert fields["title"].value == "Hội nghị: sơ kết"
    assert fields["title"].line == 2
    assert fields["organizations"].value == ["Hội Nông dân", "UBND"]
    assert fields["organizations"].line == 4
    assert front.body.strip() == "Thân bài."


def test_broken_yaml_names_its_line():
    text = "---\ntitle: Hội nghị\ndate: 15/07/2024\nauthor: Nguyễn Thu: Minh\n---\nThân bài.\n"
    with pytest.raises(FrontMatterError) as error:
        split_front_matter(text)
    assert error.value.line == 4
    assert "ngoặc kép" in str(error.value)


def test_unclosed_yaml_block_is_reported():
    with pytest.raises(FrontMatterError) as error:
        split_front_matter("---\ntitle: Hội nghị\n\nThân bài.\n")
    assert error.value.line == 1


def test_file_without_front_matter_is_all_body():
    front = split_front_matter("Sáng 15/7, xã tổ chức hội nghị.\n")
    assert front.syntax == "none"
    assert front.fields == []


@pytest.mark.parametrize(
    ("html", "lead", "rest"),
    [
        ("<p>Mở đầu.</p>\n<p>Thân.</p>", "<p>Mở đầu.</p>", "<p>Thân.</p>"),
        ('<p><img alt="a" src="x.jpg"></p><p>Thân.</p>', None, None),
        ("<figure><img></figure><p>Thân.</p>", None, None),
    ],
)
def test_lead_is_the_first_text_paragraph(html, lead, rest):
    body, found = split_lead(html)
    assert found == lead
    assert body == (rest if lead else html)


def test_both_syntaxes_give_identical_pages(tmp_path):
    outputs = {}
    for syntax in ("pelican", "yaml"):
        outputs[syntax] = tmp_path / syntax
        build_site(outputs[syntax], content=DATA / "syntax" / syntax)
    files = {
        syntax: sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
        for syntax, out in outputs.items()
    }
    assert files["pelican"] == files["yaml"]
    assert any(p.parts[0] == "bai-viet" for p in files["yaml"])
    for relative in files["yaml"]:
        yaml_bytes = (outputs["yaml"] / relative).read_bytes()
        assert (outputs["pelican"] / relative).read_bytes() == yaml_bytes, relative


def test_local_paths_go_through_static(tmp_path):
    (tmp_path / "images" / "2024").mkdir(parents=True)
    (tmp_path / "images" / "2024" / "a.jpg").write_bytes(b"jpg")
    (tmp_path / "bai-viet").mkdir()
    (tmp_path / "bai-viet" / "khac.md").write_text("Title: Khác\n")
    source = tmp_path / "bai-viet" / "bai.md"
    html = (
        '<img alt="x" src="images/2024/a.jpg"><a href="khac.md#doan">khác</a>'
        '<a href="https://chinhphu.vn">x</a><img src="images/khong-co.jpg"><a href="#a">a</a>'
    )
    html, missing, linked = link_local_files(html, str(source), str(tmp_path))
    assert missing == ["images/khong-co.jpg"]
    assert linked == [str(tmp_path / "images" / "2024" / "a.jpg"), str(tmp_path / "bai-viet" / "khac.md")]
    assert html == (
        '<img alt="x" src="{static}/images/2024/a.jpg"><a href="{filename}/bai-viet/khac.md#doan">khác</a>'
        '<a href="https://chinhphu.vn">x</a><img src="images/khong-co.jpg"><a href="#a">a</a>'
    )


@pytest.mark.parametrize(
    "written",
    ["images/2024/a.jpg", "/images/2024/a.jpg", "content/images/2024/a.jpg", "{static}/images/2024/a.jpg"],
)
def test_cover_paths_are_relative_to_content(written):
    assert content_relative(written) == "images/2024/a.jpg"
    assert content_relative("https://example.org/a.jpg") == "https://example.org/a.jpg"


def read_with_project_reader(tmp_path, data):
    """(content, metadata) of one file read by the project's reader with the sample settings."""
    from conftest import ROOT  # noqa: PLC0415
    from pelican.settings import read_settings  # noqa: PLC0415

    from trangxa.front_matter.front_matter import FrontMatterMarkdownReader  # noqa: PLC0415

    (tmp_path / "bai-viet").mkdir(exist_ok=True)
    source = tmp_path / "bai-viet" / "bai.md"
    source.write_bytes(data)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path)})
    return FrontMatterMarkdownReader(settings).read(str(source))


def test_a_body_problem_points_at_the_body_line(tmp_path):
    text = (
        "Title: Hội nghị\nDate: 15/07/2024\nAuthor: Minh Chiến\nImage: images/khong-co.jpg\n\n"
        "Sáng 15/7, xã họp.\n\nĐoạn hai.\n\n![Hội trường](images/khong-co.jpg)\n"
    )
    _, metadata = read_with_project_reader(tmp_path, text.encode())
    lines = {p["line"] for p in metadata["content_problems"] if "khong-co.jpg" in p["message"]}
    assert lines == {10}, metadata["content_problems"]  # the body's image, not the cover's line 4


def windows_1258(text):
    """Text as Windows-1258 stores it: a letter with its vowel mark, then the tone mark apart."""
    import unicodedata  # noqa: PLC0415

    encoded = b""
    for char in text:
        try:
            encoded += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            # ă â ê ô ơ ư are single bytes, the tone mark follows; other letters take both marks.
            choices = [(base + mark, [m for m in marks if m != mark]) for mark in marks] + [(base, marks)]
            for head, rest in choices:
                try:
                    encoded += (unicodedata.normalize("NFC", head) + "".join(rest)).encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
    return encoded


def test_after_a_wrong_encoding_messages_stay_legible(tmp_path):
    text = "Title: Họp mặt tại Hà Tĩnh\nDate: 15/07/2024\nAuthor: Minh Chiến\nCategory: Kinh tế\n\nHọp.\n"
    _, metadata = read_with_project_reader(tmp_path, windows_1258(text))
    assert any("UTF-8" in p["message"] and p["blocking"] for p in metadata["content_problems"])
    assert str(metadata["title"]).replace("&nbsp;", " ") == "Họp mặt tại Hà Tĩnh"
    assert str(metadata["category"]) == "Kinh tế"
