"""`invoke to-yaml`: "Key: value" front matter rewritten as YAML, read back the same."""

import logging
import shutil

from conftest import CONTENT, build_site

from trangxa.front_matter.to_yaml import convert_file, converted

OLD = (
    "Title: Hội nghị: tổng kết năm 2026\nDate: 05/06/2026 08:00\nAuthor: Nguyễn Thu\n"
    "Photographer: Vũ Chiến\nCategory: Kinh tế\nOrganizations: Hội Nông dân, UBND\n"
    "Tags: nông nghiệp, yes\nSummary: Sáng 5/6, *hội nghị*\n    kéo dài cả ngày.\n\n"
    "Sáng 5/6, xã tổ chức hội nghị.\n"
)


def test_fields_become_yaml_and_the_body_stays():
    text = converted(OLD)
    assert text.startswith("---\ntitle: 'Hội nghị: tổng kết năm 2026'\ndate: 05/06/2026 08:00\n")
    assert "organizations: [Hội Nông dân, UBND]\n" in text
    assert "tags: [nông nghiệp, 'yes']\n" in text  # a YAML word stays text
    assert text.endswith("---\n\nSáng 5/6, xã tổ chức hội nghị.\n")
    assert converted(text) is None, "already YAML: left alone"
    assert converted("Sáng 5/6, xã họp.\n") is None, "no front matter: left alone"


def test_a_converted_article_builds_the_same_page(tmp_path):
    pages = {}
    for form in ("old", "yaml"):
        content = tmp_path / form / "content"
        (content / "bai-viet").mkdir(parents=True)
        shutil.copy(CONTENT / "organizations.yml", content)
        source = content / "bai-viet" / "hoi-nghi.md"
        source.write_text(OLD, encoding="utf-8")
        if form == "yaml":
            assert convert_file(source)
        records = build_site(tmp_path / form / "output", content=content, log_level=logging.WARNING)
        assert not records, [r.getMessage() for r in records]
        pages[form] = (
            tmp_path / form / "output" / "bai-viet" / "2026" / "hoi-nghi-tong-ket-nam-2026.html"
        ).read_bytes()
    assert pages["old"] == pages["yaml"]
