"""The credit line from author, photographer and the ``credit`` override."""

import pytest

from trangxa.credits import credit_line


@pytest.mark.parametrize(
    ("author", "photographer", "credit", "expected"),
    [
        ("Minh Chiến", "Minh Chiến", None, "Tin, ảnh: Minh Chiến"),
        ("Minh Chiến", "minh  chiến", None, "Tin, ảnh: Minh Chiến"),
        ("Nguyễn Thu", "Vũ Chiến", None, "Tin: Nguyễn Thu – Ảnh: Vũ Chiến"),
        ("Nguyễn Thu", None, None, "Nguyễn Thu"),
        (None, "Vũ Chiến", None, "Ảnh: Vũ Chiến"),
        ("Nguyễn Thu", "Vũ Chiến", "Theo Ban Tuyên giáo", "Theo Ban Tuyên giáo"),
        (None, None, None, ""),
    ],
)
def test_credit_cases(author, photographer, credit, expected):
    assert credit_line(author, photographer, credit) == expected


def test_formats_are_settings():
    formats = {"author_and_photographer": "Bài: {author}; ảnh: {photographer}"}
    assert credit_line("A", "B", None, formats) == "Bài: A; ảnh: B"
    assert credit_line("A", "A", None, formats) == "Tin, ảnh: A"
