"""``python -m trangxa.importer`` (and ``invoke import-portal``): import saved pages of an
old portal, print what was done, write the JSON report."""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .flags import DRAFT_FLAGS, GUESSES, SHORT
from .importer import Importer
from .sources import SUFFIXES, expand

DESCRIPTION = (
    "Nhập bài từ cổng thông tin cũ: mỗi trang đã lưu (.html, .htm, .mhtml, hoặc .txt chép từ trang) "
    "thành một bài Markdown."
)


def parser():
    arguments = argparse.ArgumentParser(prog="python -m trangxa.importer", description=DESCRIPTION)
    arguments.add_argument(
        "--source",
        nargs="+",
        action="extend",
        required=True,
        metavar="GLOB",
        help='tệp, thư mục hoặc mẫu tên (đặt trong ngoặc kép: "cu/duc-thuan/**/*.html")',
    )
    arguments.add_argument(
        "--into", required=True, metavar="DIR", help="thư mục bài viết, ví dụ content/bai-viet"
    )
    arguments.add_argument("--origin", metavar="NAME", help='nơi bài đến, ví dụ "Phường Đức Thuận (cũ)"')
    arguments.add_argument("--report", metavar="FILE.json", help="ghi báo cáo JSON, mỗi tệp nguồn một mục")
    arguments.add_argument(
        "--force", action="store_true", help="ghi đè cả bài đã được sửa sau lần nhập trước"
    )
    arguments.add_argument("--dry-run", action="store_true", help="chỉ báo sẽ làm gì, không ghi tệp nào")
    arguments.add_argument(
        "--settings", default="pelicanconf.py", help="tệp cấu hình của trang (pelicanconf.py)"
    )
    return arguments


def load_settings(path):
    from pelican.settings import read_settings  # noqa: PLC0415

    return read_settings(str(path))


def main(argv=None):
    args = parser().parse_args(argv)
    if not Path(args.settings).is_file():
        print(f"Không tìm thấy tệp cấu hình {args.settings}: chạy lệnh ở thư mục của trang "
              "hoặc chỉ rõ --settings.", file=sys.stderr)  # fmt: skip
        return 2
    paths = expand(args.source)
    for pattern in args.source:  # a mistyped source must not vanish behind the others
        if paths and not expand([pattern]):
            print(f"Không có tệp nào ({', '.join(SUFFIXES)}) khớp với: {pattern} (bỏ qua).", file=sys.stderr)
    if not paths:
        print(f"Không có tệp nào ({', '.join(SUFFIXES)}) khớp với: {' '.join(args.source)}.", file=sys.stderr)
        return 1
    settings = load_settings(args.settings)
    importer = Importer(settings, args.into, args.origin, args.force, args.dry_run)
    entries = importer.import_all(paths)
    if not Path(args.into).resolve().is_relative_to(Path(settings["PATH"]).resolve()):
        print(f"Lưu ý: {args.into} nằm ngoài thư mục nội dung {settings['PATH']}: bài chưa lên trang "
              "cho đến khi được chuyển vào content/bai-viet/.", file=sys.stderr)  # fmt: skip
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(
            json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(summary(entries, args.report, args.dry_run))
    unreadable = [
        e
        for e in entries
        if e["status"] == "skipped" and str(e.get("reason", "")).startswith(("Không đọc", "Không ghi"))
    ]
    return 1 if unreadable else 0


def summary(entries, report=None, dry_run=False):
    """What was done, in Vietnamese: imported, drafts and why, skipped and why, guesses."""
    by_status = {
        status: [e for e in entries if e["status"] == status] for status in ("imported", "draft", "skipped")
    }
    trial = " (chạy thử, không ghi tệp)" if dry_run else ""
    lines = [
        f"Nhập bài từ cổng cũ{trial}: {len(entries)} tệp nguồn.",
        f"Đã nhập: {len(by_status['imported'])} bài.",
    ]
    unchanged = sum(1 for e in entries if e.get("action") == "unchanged")
    if unchanged:
        lines.append(f"  ({unchanged} bài đã nhập từ trước, không thay đổi.)")
    drafts = by_status["draft"]
    if drafts:
        lines.append(f"Ghi thành bản nháp (status: draft), cần biên tập viên hoàn thiện: {len(drafts)} bài.")
        for entry in drafts:
            reasons = [f["message"] for f in entry["flags"] if f["code"] in (*DRAFT_FLAGS, "content_check")]
            lines.append(f"  - {entry['file']} ({Path(entry['source']).name}): {' '.join(reasons)}")
    blocking = [e for e in drafts if e.get("publish_errors")]
    if blocking:
        lines.append(
            f"  Lưu ý: {len(blocking)} bản nháp còn lỗi (thiếu ngày, thiếu tác giả…) mà bản dựng để đăng "
            "(make publish) sẽ báo; sửa xong (hoặc chuyển tạm ra ngoài content/) mới đăng được trang."
        )
    if by_status["skipped"]:
        lines.append(f"Bỏ qua: {len(by_status['skipped'])} tệp.")
        lines += [f"  - {entry['source']}: {entry.get('reason', '')}" for entry in by_status["skipped"]]
    guessed = [
        (e, [f for f in e["flags"] if f["code"] in GUESSES]) for e in entries if e["status"] != "skipped"
    ]
    if any(flags for _, flags in guessed):
        lines.append("Trường được đoán (kiểm tra lại):")
        lines += [
            f"  - {e['file']}: {' '.join(f['message'] for f in flags)}" for e, flags in guessed if flags
        ]
    others = Counter(f["code"] for e in entries for f in e["flags"] if f["code"] in SHORT)
    if others:
        lines.append("Ghi chú khác (chi tiết ở đầu từng bài và trong báo cáo):")
        lines += [f"  - {count} bài: {SHORT[code]}." for code, count in sorted(others.items())]
    if report:
        lines.append(f"Báo cáo đầy đủ: {report}")
    return "\n".join(lines)
