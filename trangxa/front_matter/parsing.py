"""Split a Markdown source into front-matter fields and body, with line numbers."""

import datetime
import re
from dataclasses import dataclass

import yaml

YAML_FENCE = re.compile(r"^---\s*$")
YAML_END = re.compile(r"^(---|\.\.\.)\s*$")
KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]*)[ \t]*:[ \t]?(?P<value>.*)$")
CONTINUATION = re.compile(r"^(?: {4}|\t)(?P<value>.*)$")


@dataclass
class Field:
    name: str  # lower case, as Pelican stores metadata
    value: object  # str, or list of str for YAML lists
    line: int  # 1-based line of the source file


@dataclass
class FrontMatter:
    fields: list
    body: str
    body_line: int  # 1-based line where the body starts
    syntax: str  # "yaml", "pelican" or "none"


class FrontMatterError(ValueError):
    def __init__(self, message, line):
        super().__init__(message)
        self.line = line


def split_front_matter(text):
    lines = text.split("\n")
    first = _first_non_blank(lines)
    if first is not None and YAML_FENCE.match(lines[first]):
        return _split_yaml(lines, first)
    return _split_key_values(lines)


def _first_non_blank(lines):
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _split_yaml(lines, start):
    end = next((i for i in range(start + 1, len(lines)) if YAML_END.match(lines[i])), None)
    if end is None:
        raise FrontMatterError(
            "Phần thông tin đầu bài mở bằng dòng --- nhưng không có dòng --- đóng lại.",
            start + 1,
        )
    fields = parse_yaml_fields("\n".join(lines[start + 1 : end]), first_line=start + 2)
    return FrontMatter(fields, "\n".join(lines[end + 1 :]), end + 2, "yaml")


# libyaml's parser when PyYAML was built with it (the wheels are): ~10x faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_load(text):
    """The YAML node tree (for line numbers) and the data, from one parse."""
    loader = LOADER(text)
    try:
        document = loader.get_single_node()
        data = loader.construct_document(document) if document is not None else None
    finally:
        loader.dispose()
    return document, data


def parse_yaml_fields(text, first_line=1):
    try:
        document, data = _compose_and_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        raise FrontMatterError(
            "Phần thông tin đầu bài (YAML) viết sai. Kiểm tra dấu hai chấm và dấu ngoặc kép; "
            'giá trị có dấu ":" phải đặt trong ngoặc kép, ví dụ title: "Hội nghị: tổng kết năm".',
            line,
        ) from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise FrontMatterError("Phần thông tin đầu bài phải gồm các dòng dạng tên: giá trị.", first_line)
    key_lines = {key.value: first_line + key.start_mark.line for key, _ in document.value}
    return [
        Field(str(key).lower(), _yaml_value(value), key_lines.get(str(key), first_line))
        for key, value in data.items()
    ]


def _yaml_value(value):
    if isinstance(value, list):
        return [_yaml_value(item) for item in value if item is not None]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value  # the date reader takes these as they are
    if value is None:
        return ""
    return str(value)


def _split_key_values(lines):
    fields = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            break
        match = KEY_LINE.match(line)
        continued = CONTINUATION.match(line)
        if fields and continued and not match:
            fields[-1].value = f"{fields[-1].value}\n{continued.group('value').strip()}"
        elif match:
            fields.append(Field(match["key"].lower(), match["value"].strip(), index + 1))
        else:
            break
        index += 1
    if not fields:
        return FrontMatter([], "\n".join(lines), 1, "none")
    return FrontMatter(fields, "\n".join(lines[index:]), index + 1, "pelican")
