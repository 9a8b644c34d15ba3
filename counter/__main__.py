"""Run the visitor counter with uvicorn: ``python -m counter --db PATH [options]``.

Every option can also come from the environment (COUNTER_DB, COUNTER_ORIGINS comma-separated,
COUNTER_BASE, COUNTER_ONLINE_WINDOW, COUNTER_RATE_LIMIT); a command-line option wins.
"""

import argparse
import logging
import os
import sys

import uvicorn

from counter.app import DEFAULTS, create_app


def parse_args(argv, environ):
    """(settings for create_app, host, port) from the command line and the environment."""
    parser = argparse.ArgumentParser(prog="python -m counter", description="Visitor counter service.")
    parser.add_argument("--db", default=environ.get("COUNTER_DB"), help="SQLite file (COUNTER_DB)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8001, help="port to listen on (default 8001)")
    parser.add_argument(
        "--origin",
        action="append",
        dest="origins",
        help="site allowed to call the service, repeatable (COUNTER_ORIGINS, comma-separated)",
    )
    parser.add_argument(
        "--base",
        type=int,
        default=environ.get("COUNTER_BASE", str(DEFAULTS["COUNTER_BASE"])),
        help="starting figure added to the total (COUNTER_BASE, default 0)",
    )
    parser.add_argument(
        "--online-window",
        type=float,
        default=environ.get("COUNTER_ONLINE_WINDOW", str(DEFAULTS["COUNTER_ONLINE_WINDOW"])),
        help="seconds a visitor counts as online (COUNTER_ONLINE_WINDOW, default 300)",
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=environ.get("COUNTER_RATE_LIMIT", str(DEFAULTS["COUNTER_RATE_LIMIT"])),
        help="hits per visitor and per address per minute (COUNTER_RATE_LIMIT, default 60)",
    )
    args = parser.parse_args(argv)
    if not args.db:
        parser.error("--db or COUNTER_DB is required")
    origins = args.origins if args.origins is not None else environ.get("COUNTER_ORIGINS", "").split(",")
    settings = {
        "COUNTER_DB": args.db,
        "COUNTER_ORIGINS": [origin.strip() for origin in origins if origin.strip()],
        "COUNTER_BASE": args.base,
        "COUNTER_ONLINE_WINDOW": args.online_window,
        "COUNTER_RATE_LIMIT": args.rate_limit,
    }
    return settings, args.host, args.port


def main(argv=None):
    settings, host, port = parse_args(sys.argv[1:] if argv is None else argv, os.environ)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    # No access log (it would hold visitors' addresses); proxy headers are read by the app itself.
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False, proxy_headers=False)


if __name__ == "__main__":
    main()
