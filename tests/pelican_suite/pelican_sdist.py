"""The samples/ folder of Pelican's source distribution, which Pelican's functional tests need.

Pelican's wheel ships its tests (pelican/tests/, with the expected output trees) but
not the sample site they build; the source distribution of the same release has it.
It is downloaded once with pip, pinned by version and by SHA-256, into a git-ignored
cache folder (``cache/pelican-sdist/``; ``invoke clean`` removes it). Offline, point
PELICAN_SDIST at a copy of the archive (it is checked against the same hash).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "4.12.0"  # the installed pelican (requirements.txt); its tests need this release's samples
SHA256 = "3983b5d2dc84c7bdf967154359077a2b78c0bbd2f7dcc55292133a7779609458"  # pelican-4.12.0.tar.gz on PyPI
ARCHIVE = f"pelican-{VERSION}.tar.gz"


class SdistError(RuntimeError):
    pass


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def download(folder):
    """pelican's sdist from PyPI with pip, refused unless its hash is the pinned one."""
    requirements = folder / "requirements.txt"
    requirements.write_text(f"pelican=={VERSION} --hash=sha256:{SHA256}\n", encoding="utf-8")
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--no-binary", ":all:", "--require-hashes", "-r", str(requirements), "-d", str(folder),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode or not (folder / ARCHIVE).is_file():
        raise SdistError(
            f"Could not download {ARCHIVE} with pip (needed by Pelican's own tests): "
            f"{(result.stderr or result.stdout).strip()[-2000:]}\n"
            f"Offline, set PELICAN_SDIST to a copy of {ARCHIVE} (SHA-256 {SHA256})."
        )
    return folder / ARCHIVE


def is_complete(folder):
    marker = folder / ".complete"
    return marker.is_file() and marker.read_text(encoding="utf-8") == SHA256


def samples_folder(cache):
    """The path of ``samples/`` of pelican-VERSION's sdist, extracted under ``cache`` once
    (built aside, then renamed into place: concurrent test processes never see half of it)."""
    target = Path(cache) / f"pelican-{VERSION}"
    if is_complete(target):
        return target / "samples"
    Path(cache).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pelican-sdist-", dir=cache) as work:
        work = Path(work)
        archive = Path(os.environ["PELICAN_SDIST"]) if os.environ.get("PELICAN_SDIST") else download(work)
        if digest(archive) != SHA256:
            raise SdistError(f"{archive} is not pelican {VERSION}'s sdist: its SHA-256 is not {SHA256}")
        prefix = f"pelican-{VERSION}/samples/"
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(prefix)]
            tar.extractall(work / "extracted", members=members, filter="data")
        built = work / "extracted" / f"pelican-{VERSION}"
        (built / ".complete").write_text(SHA256, encoding="utf-8")
        if target.exists() and not is_complete(target):
            shutil.rmtree(target)  # left by an interrupted older run
        try:
            built.rename(target)
        except OSError:
            if not is_complete(target):  # another process got there first, or something is wrong
                raise
    return target / "samples"


if __name__ == "__main__":
    print(samples_folder(sys.argv[1] if len(sys.argv) > 1 else "cache/pelican-sdist"))
