"""Decap CMS's browser bundle: found in cms/node_modules, checked, copied into admin/.

``npm ci --prefix cms`` installs the exact version of ``cms/package.json`` and checks each
tarball against the sha512 of ``cms/package-lock.json``. The build checks it again, file
by file: the version in decap-cms's package.json and one sha256 over the files it copies
(the main script, the chunks it loads on demand, the WebAssembly of its WebP encoder, the
licence notice; not the source maps) must be those pinned here, or the editor is not
written. Upgrading: change the version in cms/package.json, ``npm install --prefix cms``,
then ``python -m trangxa.cms`` prints the new values for the two constants below.
"""

import hashlib
import json
import os
import shutil
from pathlib import Path

VERSION = "3.16.3"
# sha256 over "name\0sha256(file)\n" of every file of bundle_files(), sorted by name.
DIGEST = "c6bf5b47ea8c326aa126ccae2a316f0edb6f07fcaee4abe7ba03349beae7d158"
# Where `npm ci --prefix cms` puts the package, from the project's root.
DEFAULT_PACKAGE = Path(__file__).resolve().parents[2] / "cms" / "node_modules" / "decap-cms"
STAMP = ".decap-cms.sha256"  # in admin/: the digest of the files copied there


class BundleError(Exception):
    """The editor is on but its bundle is missing or not the pinned one; shown as its message."""

    expected_failure = True  # trangxa.build_log shows the message without a traceback
    exitcode = 1


def package_folder(settings):
    return Path(settings.get("CMS_PACKAGE") or DEFAULT_PACKAGE)


def bundle_files(dist):
    """Names of the files the browser may load: decap-cms.js and what it loads."""
    names = []
    for name in sorted(os.listdir(dist)):
        wanted = name == "decap-cms.js" or name.endswith((".decap-cms.js", ".wasm"))
        if wanted or name == "decap-cms.js.LICENSE.txt":
            names.append(name)
    return names


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def bundle_digest(dist, names):
    digest = hashlib.sha256()
    for name in names:
        digest.update(f"{name}\0{file_sha256(dist / name)}\n".encode())
    return digest.hexdigest()


MISSING = (
    "Trình biên tập web (CMS_ENABLED) cần gói decap-cms {version} trong {where}: cài bằng "
    "`npm ci --prefix cms` (cần Node.js), hoặc đặt CMS_ENABLED = False để dựng trang không có trình biên tập."
)
WRONG = (
    "Gói decap-cms trong {where} {problem}, không phải bản đã kiểm ({version}); trình biên tập không được "
    "chép. Cài lại đúng bản: `npm ci --prefix cms`."
)


def verified_bundle(settings):
    """(dist folder, file names, digest) of the pinned bundle; BundleError otherwise."""
    package = package_folder(settings)
    where = package.parent.parent if package == DEFAULT_PACKAGE else package
    manifest = package / "package.json"
    dist = package / "dist"
    if not manifest.is_file() or not (dist / "decap-cms.js").is_file():
        raise BundleError(MISSING.format(version=VERSION, where=where))
    version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    if version != VERSION:
        raise BundleError(WRONG.format(where=where, problem=f"là bản {version}", version=VERSION))
    names = bundle_files(dist)
    digest = bundle_digest(dist, names)
    if digest != settings.get("CMS_BUNDLE_SHA256", DIGEST):
        raise BundleError(WRONG.format(where=where, problem="có tệp bị sửa (sai mã sha256)", version=VERSION))
    return dist, names, digest


def copy_bundle(settings, target):
    """Copy the checked bundle into ``target`` (admin/), unless the same one is already there."""
    dist, names, digest = verified_bundle(settings)
    target = Path(target)
    stamp = target / STAMP
    present = stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest
    if present and all((target / name).is_file() for name in names):
        return names
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(dist / name, target / name)
    stamp.write_text(digest + "\n", encoding="utf-8")
    return names


def describe(settings=None):
    """The values to pin after an upgrade (python -m trangxa.cms)."""
    package = package_folder(settings or {})
    dist = package / "dist"
    version = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
    names = bundle_files(dist)
    return {
        "VERSION": version,
        "DIGEST": bundle_digest(dist, names),
        "decap-cms.js sha256": file_sha256(dist / "decap-cms.js"),
        "files": len(names),
    }
