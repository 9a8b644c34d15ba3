"""Run the visitor counter with uvicorn: ``python -m counter --db PATH [options]``.

Every option can also come from the environment (COUNTER_DB, COUNTER_ORIGINS comma-separated,
COUNTER_BASE, COUNTER_ONLINE_WINDOW, COUNTER_RATE_LIMIT, COUNTER_ADDRESS_LIMIT, COUNTER_PATH_PREFIX,
COUNTER_PATH_PATTERNS space-separated, COUNTER_PAGES, COUNTER_MAX_PATHS, COUNTER_MAX_ONLINE);
a command-line option wins. Help and errors are in Vietnamese: they are read by the commune's operator.

A setting or database that cannot be used stops the service at once with one line on stderr
(exit status 1), not a traceback: systemd then gives up after a few attempts.
"""

import argparse
import logging
import os
import sys

import uvicorn

from counter.app import DEFAULTS, create_app
from counter.store import StorageUnavailable

# Command-line option -> (setting, type); each also reads the environment variable of its setting.
NUMBERS = {
    "--base": ("COUNTER_BASE", int, "số khởi điểm cộng vào tổng lượt truy cập"),
    "--online-window": ("COUNTER_ONLINE_WINDOW", float, "số giây một người xem còn “đang trực tuyến”"),
    "--rate-limit": ("COUNTER_RATE_LIMIT", int, "số lượt tối đa mỗi phút cho một người xem (một mã)"),
    "--address-limit": ("COUNTER_ADDRESS_LIMIT", int, "số lượt tối đa mỗi phút cho một địa chỉ mạng"),
    "--max-paths": ("COUNTER_MAX_PATHS", int, "số trang tối đa được đếm riêng trong tệp dữ liệu"),
    "--max-online": ("COUNTER_MAX_ONLINE", int, "số người xem trực tuyến tối đa được ghi nhận"),
}


def build_parser(environ):
    parser = argparse.ArgumentParser(prog="python -m counter", description="Dịch vụ đếm lượt truy cập.")
    parser.add_argument(
        "--db", default=environ.get("COUNTER_DB"), help="tệp SQLite chứa số liệu (COUNTER_DB)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="địa chỉ nghe (mặc định 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8001, help="cổng nghe (mặc định 8001)")
    parser.add_argument(
        "--origin",
        action="append",
        dest="origins",
        help="trang web được phép gọi bộ đếm, ghi nhiều lần được (COUNTER_ORIGINS, cách nhau bằng dấu phẩy)",
    )
    for option, (name, _, meaning) in NUMBERS.items():
        # Read as text: a wrong value is reported by read_config in one line, with the setting's name.
        default = environ.get(name, str(DEFAULTS[name]))
        parser.add_argument(option, default=default, help=f"{meaning} ({name}, mặc định {DEFAULTS[name]})")
    parser.add_argument(
        "--path-prefix",
        default=environ.get("COUNTER_PATH_PREFIX", ""),
        help="đường dẫn con của trang, ví dụ /xa-tan-hoa (COUNTER_PATH_PREFIX, mặc định trống)",
    )
    parser.add_argument(
        "--path-pattern",
        action="append",
        dest="path_patterns",
        help="biểu thức chính quy của một loại trang, ghi nhiều lần được; thay cho mẫu mặc định"
        " (COUNTER_PATH_PATTERNS, cách nhau bằng dấu cách)",
    )
    parser.add_argument(
        "--pages",
        default=environ.get("COUNTER_PAGES"),
        help="tệp liệt kê các trang của trang web, mỗi dòng một đường dẫn (COUNTER_PAGES)",
    )
    return parser


def parse_args(argv, environ):
    """(settings for create_app, host, port) from the command line and the environment."""
    parser = build_parser(environ)
    args = parser.parse_args(argv)
    if not args.db:
        parser.error("cần --db hoặc biến COUNTER_DB (tệp SQLite chứa số liệu)")
    origins = args.origins if args.origins is not None else environ.get("COUNTER_ORIGINS", "").split(",")
    settings = {
        "COUNTER_DB": args.db,
        "COUNTER_ORIGINS": [origin.strip() for origin in origins if origin.strip()],
        "COUNTER_PATH_PREFIX": args.path_prefix,
        "COUNTER_PATH_PATTERNS": path_patterns(args.path_patterns, environ),
        "COUNTER_PAGES": args.pages or None,
    }
    for option, (name, kind, _) in NUMBERS.items():
        settings[name] = as_number(getattr(args, option.lstrip("-").replace("-", "_")), kind)
    return settings, args.host, args.port


def as_number(text, kind):
    """``text`` as ``kind``, or unchanged if it is not one (read_config then names the setting)."""
    try:
        return kind(text)
    except ValueError:
        return text


def path_patterns(given, environ):
    """Patterns from the command line, else COUNTER_PATH_PATTERNS (set but empty: none), else the defaults."""
    if given is not None:
        return list(given)
    if "COUNTER_PATH_PATTERNS" in environ:
        return environ["COUNTER_PATH_PATTERNS"].split()
    return list(DEFAULTS["COUNTER_PATH_PATTERNS"])


def main(argv=None):
    settings, host, port = parse_args(sys.argv[1:] if argv is None else argv, os.environ)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    try:
        app = create_app(settings)
    except (ValueError, StorageUnavailable) as error:
        # One line the operator can act on (journalctl shows it), no traceback.
        print(error, file=sys.stderr)
        sys.exit(1)
    # No access log (it would hold visitors' addresses); proxy headers are read by the app itself.
    uvicorn.run(app, host=host, port=port, access_log=False, proxy_headers=False)


if __name__ == "__main__":
    main()
