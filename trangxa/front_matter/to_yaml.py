"""Turn "Key: value" front matter (Pelican's own form) into YAML front matter, in place.

The web editor (trangxa.cms, Decap CMS) reads and writes YAML front matter only; an article
written by hand in the older form opens there with empty fields. The site reads both forms the
same way (trangxa.front_matter.parsing), so the conversion changes the files, not the site:

    .venv/bin/invoke to-yaml            # every article and page under content/
    .venv/bin/python -m trangxa.front_matter.to_yaml content/bai-viet/2024/a.md

Field names become lower case (as Pelican stores them), organizations and tags become YAML
lists (split at commas, as the reader splits them), every other value stays the text it was
(a date stays "14/05/2024 09:30", read day first). Files already in YAML, and files with no
front matter, are left as they are. A file is written only when it reads back to the same
fields.
"""

import sys
from pathlib import Path

import yaml

from .parsing import split_front_matter

LIST_FIELDS = ("organizations", "tags", "authors")  # split at commas by the reader too
FIRST = ("title", "date", "modified", "author", "photographer", "credit", "category", "organizations",
         "tags", "summary", "image", "slug", "status")  # fmt: skip


def yaml_value(name, value):
    if name in LIST_FIELDS:
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


def field_line(name, value):
    if isinstance(value, list):
        flow = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True).strip()
        return f"{name}: {flow}"
    return yaml.safe_dump({name: value}, allow_unicode=True, width=10**6).rstrip("\n")


def converted(text):
    """The text with YAML front matter, or None when there is nothing to convert."""
    front = split_front_matter(text)
    if front.syntax != "pelican":
        return None
    fields = {field.name: yaml_value(field.name, field.value) for field in front.fields}
    order = [name for name in FIRST if name in fields] + [name for name in fields if name not in FIRST]
    header = "\n".join(["---", *(field_line(name, fields[name]) for name in order), "---"])
    result = header + "\n" + front.body
    again = split_front_matter(result)
    read_back = {field.name: field.value for field in again.fields}
    if again.body != front.body or read_back != fields:
        raise ValueError("đổi sang YAML không giữ nguyên các trường")
    return result


def convert_file(path):
    """True when ``path`` was rewritten."""
    text = Path(path).read_text(encoding="utf-8")
    result = converted(text)
    if result is None:
        return False
    Path(path).write_text(result, encoding="utf-8")
    return True


def markdown_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.rglob("*.md"))
        else:
            yield path


def main(paths):
    changed = [path for path in markdown_files(paths) if convert_file(path)]
    for path in changed:
        print(f"{path}: đã đổi sang YAML")
    print(f"Đã đổi {len(changed)} tệp.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["content"]))
