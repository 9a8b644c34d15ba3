"""Messages about a setting name the line where it is written in the settings file."""

import textwrap

from trangxa.lib.settings_file import setting_line, where

SETTINGS = textwrap.dedent(
    """\
    import os

    GOVERNING_BODY = "Ủy ban nhân dân xã Tân Hòa"
    SITE_CONTACT = {
        "responsible": "Nguyễn Văn A",
        "phone": (
            "0274 3812 345"
        ),
    }
    SITE_LINKS = [
        {"name": "Cổng Chính phủ", "url": "https://chinhphu.vn"},
        {"name": "Tỉnh", "url": "http://binhnguyen.gov.vn"},
    ]
    BUILT = [{"name": name} for name in ("a", "b")]
    GOVERNING_BODY = os.environ.get("BODY", "Ủy ban")
    """
)


def test_the_line_of_a_setting_of_its_item_and_of_its_key(tmp_path):
    path = tmp_path / "pelicanconf.py"
    path.write_text(SETTINGS, encoding="utf-8")
    assert setting_line("SITE_LINKS", path=str(path)) == 10
    assert setting_line("SITE_LINKS", index=1, path=str(path)) == 12
    assert setting_line("SITE_CONTACT", key="responsible", path=str(path)) == 5
    assert setting_line("SITE_CONTACT", key="phone", path=str(path)) == 6
    assert setting_line("SITE_CONTACT", key="email", path=str(path)) == 4, "not written: the setting's line"
    assert setting_line("SITE_LINKS", index=5, path=str(path)) == 10, "not written: the setting's line"
    assert setting_line("BUILT", index=1, path=str(path)) == 14, "built by code: the setting's line"
    assert setting_line("GOVERNING_BODY", path=str(path)) == 15, "the last assignment, as Python keeps"
    assert where("SITE_LINKS", index=0, path=str(path)) == f"{path}:11"


def test_a_setting_or_file_not_found_is_named_without_a_line(tmp_path):
    path = tmp_path / "pelicanconf.py"
    path.write_text(SETTINGS, encoding="utf-8")
    assert where("COUNTER_URL", path=str(path)) == str(path)
    assert where("SITE_LINKS", path=str(tmp_path / "missing.py")) == str(tmp_path / "missing.py")
    path.write_text("SITE_LINKS = [\n", encoding="utf-8")  # being edited: not valid Python
    assert where("SITE_LINKS", path=str(path)) == str(path)


def test_an_edited_file_is_read_again(tmp_path):
    path = tmp_path / "pelicanconf.py"
    path.write_text(SETTINGS, encoding="utf-8")
    assert setting_line("SITE_LINKS", path=str(path)) == 10
    path.write_text("\n\n" + SETTINGS, encoding="utf-8")
    assert setting_line("SITE_LINKS", path=str(path)) == 12
