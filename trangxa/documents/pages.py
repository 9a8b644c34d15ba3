"""Writing: document pages, lists, the disclosure list, feeds, the JSON index; the text of
the attachments for the pages; and the pages of other plugins that show documents.
"""

import os
from pathlib import Path

from markupsafe import escape

from trangxa.lib.page_inputs import add_page_input

from . import listing


def attachment_texts(records, cache, settings):
    """{id(record): [{"name", "type", "status", "pages", "text": [page texts]}]} for the
    PDF and DOCX attachments; a scanned PDF is a notice, an unreadable file an error."""
    wanted, owners = {}, []
    for record in records:
        for attached in record.files:
            if attached["kind"] not in ("pdf", "docx"):
                continue
            path = os.path.join(settings["PATH"], attached["path"])
            digest = cache.digest(path, os.stat(path))
            wanted[digest] = (path, attached["kind"])
            owners.append((record, attached, digest))
    texts = cache.texts(wanted, workers=os.cpu_count() or 1)
    sections, budget = {}, {}
    limit = settings["DOCUMENTS_TEXT_LIMIT"]
    for record, attached, digest in owners:
        result = texts[digest]
        status = result["status"]
        attached["text_status"] = status
        attached["pages"] = result.get("pages", 0)
        if status == "scanned" and attached["kind"] == "pdf":
            record.add(
                "files",
                f"Tệp “{attached['name']}” là bản quét (ảnh), không có chữ: "
                "ô tìm kiếm không tìm được nội dung của nó. "
                "Nếu có bản PDF xuất từ Word, đính kèm thêm bản đó.",
                level="info",
            )
        elif status == "unreadable":
            record.add(
                "files",
                f"Không đọc được nội dung tệp “{attached['name']}” (tệp hỏng hoặc có mật khẩu): "
                "người tải về có thể không mở được. Mở thử tệp, rồi lưu hoặc xuất lại.",
            )
        if status != "text":
            continue
        left = budget.setdefault(id(record), limit)
        pages_text = []
        for text in result["text"]:
            if left <= 0:
                break
            pages_text.append(text[:left])
            left -= len(text)
        budget[id(record)] = left
        sections.setdefault(id(record), []).append(
            {"name": attached["name"], "type": attached["type"], "pages": pages_text, "truncated": left < 0}
        )
    return sections


def write_all(generator, writer):
    settings, context = generator.settings, generator.context
    relative = settings["RELATIVE_URLS"]
    template = generator.get_template("document")
    for document in generator.documents:
        writer.write_file(
            document.save_as, template, context, relative_urls=relative,
            page=document, document=document, template_name="document",
        )  # fmt: skip
    lists = generator.lists
    template = generator.get_template("documents")
    for facet, value, year, documents in lists.pages():
        url = lists.url(facet, value, year)
        writer.write_file(
            lists.url(facet, value, year, save_as=True), template, context, relative_urls=relative,
            paginated={"articles": documents}, template_name="documents", url=url,
            listing={
                "title": lists.title(facet, value, year), "url": url, "facet": facet,
                "selected": lists.selected(facet, value, year), "index": settings["DOCUMENTS_INDEX_SAVE_AS"],
                "root": settings["DOCUMENTS_URL"],
            },
            filters=lists.navigation(facet, value, year),
        )  # fmt: skip
    disclosures = [d for d in generator.documents if d.disclosure]
    writer.write_file(
        settings["DISCLOSURES_SAVE_AS"], generator.get_template("disclosures"), context,
        relative_urls=relative, paginated={"articles": disclosures}, template_name="disclosures",
        url=settings["DISCLOSURES_URL"],
        disclosure_groups=listing.disclosure_groups(disclosures, settings),
    )  # fmt: skip
    for feed_type in ("atom", "rss"):
        path = settings[f"DOCUMENTS_FEED_{feed_type.upper()}"]
        if path:
            # Pelican takes a feed title as HTML (it strips tags).
            writer.write_feed(
                generator.documents, context, path, feed_type=feed_type, feed_title=escape("Văn bản")
            )
    write_if_changed(
        Path(generator.output_path, settings["DOCUMENTS_INDEX_SAVE_AS"]),
        listing.json_index(generator.documents, lists),
    )


def write_if_changed(path, text):
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --- Pages of other plugins that show documents -------------------------------------------------


def declare_boxes(generator):
    """The home page and the organizations' first pages show documents: what each shows joins
    that page's key (trangxa.lib.page_inputs), so trangxa.incremental_output rewrites it when its
    box changes. Runs at all_generators_finalized, before anything is written."""
    settings, context = generator.settings, generator.context
    if generator.lists is None:
        return
    add_page_input(context, settings.get("INDEX_SAVE_AS") or "index.html", context.get("documents_home"))
    registry = context.get("organizations_registry")
    boxes = context.get("documents_by_organization", {})
    for organization in registry.organizations if registry else []:
        add_page_input(context, organization.save_as, boxes.get(organization.slug))
