"""An imported article as the site's Markdown file: YAML front matter, then the body
(paragraphs, lists, tables, photos with the pymdownx ``/// caption`` block)."""

import hashlib
import re

import yaml

from .blocks import escape

MARK = "# nhap-bai-cu:"  # the importer's line: source fingerprint and digest of the file
MARK_LINE = re.compile(
    r"^# nhap-bai-cu: nguon=(?P<source>[0-9a-f]+) ban=(?P<digest>[0-9a-f]+)$", re.MULTILINE
)
PLACEHOLDER = f"{MARK} nguon={{source}} ban="
EMPHASIS = re.compile(r"^(\*{1,3})(?P<inner>[^*].*?)\1$", re.DOTALL)
FIELD_ORDER = (
    "title", "date", "author", "photographer", "credit", "category", "organizations", "summary",
    "image", "origin", "old_urls", "slug", "status",
)  # fmt: skip


def unwrap(md):
    """A lead or caption all in bold or italics: the theme styles them itself."""
    match = EMPHASIS.match(md.strip())
    return match["inner"].strip() if match and "*" not in match["inner"] else md.strip()


def yaml_field(name, value):
    if isinstance(value, list) and name == "old_urls":  # long: one a line
        text = yaml.safe_dump({name: value}, allow_unicode=True, width=10**6, default_flow_style=False)
        return text.rstrip("\n").replace("\n- ", "\n  - ")
    if isinstance(value, list):  # organizations: [Hội Nông dân, UBND], as editors write it
        return (
            f"{name}: "
            + yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True).strip()
        )
    text = yaml.safe_dump({name: value}, allow_unicode=True, width=10**6, sort_keys=False)
    return text.rstrip("\n")


def front_matter(fields, comments=(), source_fingerprint=""):
    """The YAML front matter: comments first (what the editor should check), then the
    importer's line, then the fields in the order editors know."""
    lines = ["---", *(f"# {c}" for c in comments), PLACEHOLDER.format(source=source_fingerprint)]
    for name in FIELD_ORDER:
        value = fields.get(name)
        if value not in (None, "", []):
            lines.append(yaml_field(name, value))
    lines.append("---")
    return "\n".join(lines) + "\n"


def with_digest(text):
    """Write the digest of the file (its importer's line left empty) into that line."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    marker_end = text.index(" ban=", text.index(MARK)) + len(" ban=")
    return text[:marker_end] + digest + text[marker_end:]


def unedited(text):
    """Whether a file is as the importer wrote it (its digest still matches)."""
    match = MARK_LINE.search(text)
    if not match:
        return False
    blank = text[: match.start("digest")] + text[match.end("digest") :]
    return hashlib.sha256(blank.encode("utf-8")).hexdigest()[:12] == match["digest"]


def source_fingerprint(text):
    match = MARK_LINE.search(text)
    return match["source"] if match else None


def body(blocks, images):
    """Markdown of the body blocks; ``images`` maps id(image block) -> (address, alt) or None."""
    parts, index = [], 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "image":
            ref = images.get(id(block))
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            has_caption = following is not None and following.kind == "caption"
            if ref:
                chunk = f"![{escape(ref[1])}]({ref[0]})"
                if has_caption:
                    chunk += f"\n\n/// caption\n{unwrap(following.md)}\n///"
                parts.append(chunk)
            elif has_caption:
                parts.append(f"*{unwrap(following.md)}*")
            index += 2 if has_caption else 1
            continue
        if block.kind == "item":
            items = []
            while index < len(blocks) and blocks[index].kind == "item" and blocks[index].group == block.group:
                number = f"{len(items) + 1}." if blocks[index].ordered else "-"
                items.append(f"{number} {blocks[index].md}")
                index += 1
            parts.append("\n".join(items))
            continue
        if block.kind == "heading":
            parts.append(f"## {unwrap(block.md)}")
        elif block.kind == "table":
            parts.append(table(block.rows))
        elif block.kind == "caption":
            parts.append(f"*{unwrap(block.md)}*")
        else:
            parts.append(block.md)
        index += 1
    return "\n\n".join(parts) + "\n" if parts else ""


def table(rows):
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    rows[0] = [unwrap(cell) for cell in rows[0]]  # a header row is bold already
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def redigest(text):
    """The file with its digest made current again (after the importer itself changed it)."""
    match = MARK_LINE.search(text)
    if not match:
        return text
    return with_digest(text[: match.start("digest")] + text[match.end("digest") :])
