#!/usr/bin/env python3
"""Digest of the sample site's output tree, to show that a refactoring changed nothing.

    .venv/bin/python tools/output_digest.py --write before.json     # on the old revision
    .venv/bin/python tools/output_digest.py --compare before.json   # on the new one

The sample content is built twice, with the development and the publishing settings,
each into a fresh temporary folder with no cache, so nothing from an earlier build is
reused. Every file is hashed (SHA-256); ``--compare`` lists the files added, removed or
changed and exits 1 if there is any. Files that record when or where they were built
(``.build-info.json``) are not part of the site and are left out, and a time stamp that
falls within the build itself (the sitemap's lastmod of lists, an empty feed's updated)
is masked before hashing.
"""

import argparse
import datetime
import email.utils
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ("pelicanconf.py", "publishconf.py")
NOT_SITE = {".build-info.json"}
TIMESTAMPED = (".xml",)
ISO_TIME = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
RFC822_TIME = re.compile(rb"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}")


def build(settings_file, output, cache):
    """Build the sample content; return the (start, end) of the build, in UTC."""
    start = datetime.datetime.now(datetime.UTC)
    pelican = Path(sys.executable).parent / "pelican"
    command = [
        str(pelican), str(ROOT / "content"), "-o", str(output), "-s", str(ROOT / settings_file),
        "-e", f'CACHE_PATH="{cache}"', "LOAD_CONTENT_CACHE=false",
    ]  # fmt: skip
    env = {**os.environ, "SITEURL": "https://example.gov.vn/xa-tan-hoa", "COUNTER_URL": ""}
    subprocess.run(command, cwd=ROOT, check=True, env=env, stdout=subprocess.DEVNULL)
    return start, datetime.datetime.now(datetime.UTC)


def parse_time(text):
    try:
        moment = datetime.datetime.fromisoformat(text.decode().replace("Z", "+00:00"))
    except ValueError:
        moment = email.utils.parsedate_to_datetime(text.decode())
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def mask_build_times(data, window):
    """Replace the time stamps that fall within the build (the time of building, not of content)."""
    start, end = window[0] - datetime.timedelta(seconds=2), window[1] + datetime.timedelta(seconds=2)

    def mask(match):
        return b"BUILD-TIME" if start <= parse_time(match.group(0)) <= end else match.group(0)

    return RFC822_TIME.sub(mask, ISO_TIME.sub(mask, data))


def tree_digests(folder, window):
    digests = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name not in NOT_SITE:
            data = path.read_bytes()
            if path.suffix in TIMESTAMPED:
                data = mask_build_times(data, window)
            digests[path.relative_to(folder).as_posix()] = hashlib.sha256(data).hexdigest()
    return digests


def site_digests():
    digests = {}
    with tempfile.TemporaryDirectory(prefix="output-digest-") as scratch:
        for settings_file in SETTINGS:
            output = Path(scratch) / settings_file.removesuffix(".py")
            window = build(settings_file, output, Path(scratch) / f"cache-{settings_file}")
            digests[settings_file] = tree_digests(output, window)
    return digests


def differences(before, after):
    lines = []
    for settings_file in SETTINGS:
        old, new = before.get(settings_file, {}), after.get(settings_file, {})
        for name in sorted(set(old) | set(new)):
            if name not in new:
                lines.append(f"{settings_file}: removed {name}")
            elif name not in old:
                lines.append(f"{settings_file}: added {name}")
            elif old[name] != new[name]:
                lines.append(f"{settings_file}: changed {name}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the digests of this revision's output")
    group.add_argument("--compare", type=Path, help="compare this revision's output with saved digests")
    args = parser.parse_args(argv)
    digests = site_digests()
    if args.write:
        args.write.write_text(json.dumps(digests, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{sum(map(len, digests.values()))} files digested into {args.write}")
        return 0
    found = differences(json.loads(args.compare.read_text(encoding="utf-8")), digests)
    print("\n".join(found) if found else "The output trees are identical.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
