"""The editor on an officer's laptop: decap-server next to the development server.

`invoke cms` (and `make serve` when Node.js and cms/node_modules are there) starts Decap's
local server (decap-server, pinned in cms/package-lock.json) on port 8081: the editor at
http://localhost:8000/admin/ then reads and writes the files of this working copy, with no
account. Its mode is ``fs`` (files only): the ``git`` mode would check out branches and
commit everything in the working copy, which an officer's copy must not suffer; so the
editorial workflow is for the git hosts (docs/operators/bien-tap-tren-web.md).
"""

import os
import shutil
import subprocess
from pathlib import Path

from . import bundle

ROOT = Path(__file__).resolve().parents[2]
CMS_FOLDER = ROOT / "cms"
SERVER = CMS_FOLDER / "node_modules" / "decap-server" / "dist" / "index.js"
PORT = 8081
NO_NODE = (
    "Trình biên tập web (/admin/) chưa bật: cài Node.js (https://nodejs.org, hoặc "
    "sudo apt-get install nodejs npm) rồi chạy `.venv/bin/invoke cms`."
)
NOT_INSTALLED = (
    "Trình biên tập web (/admin/) chưa bật: chạy `.venv/bin/invoke cms` một lần để cài (cần mạng)."
)


def node():
    return shutil.which("node")


def installed():
    return SERVER.is_file() and (bundle.DEFAULT_PACKAGE / "dist" / "decap-cms.js").is_file()


def why_not_available():
    """None when the editor can run here, else one Vietnamese line saying how to enable it."""
    if not node():
        return NO_NODE
    if not installed():
        return NOT_INSTALLED
    return None


def install():
    """npm ci in cms/: the exact versions and sha512 of cms/package-lock.json."""
    npm = shutil.which("npm")
    if not npm:
        raise SystemExit(NO_NODE)
    print("Đang cài trình biên tập (npm ci --prefix cms), chỉ lần đầu…", flush=True)
    subprocess.run([npm, "ci", "--prefix", str(CMS_FOLDER), "--no-audit", "--no-fund", "--loglevel=error"],
                   check=True)  # fmt: skip


def settings_overrides(port=PORT):
    return {"CMS_ENABLED": True, "CMS_LOCAL_BACKEND": f"http://127.0.0.1:{port}/api/v1"}


def start_server(port=PORT, repo=ROOT):
    """decap-server in files mode on 127.0.0.1:port, for this working copy."""
    environment = {**os.environ, "MODE": "fs", "PORT": str(port), "BIND_HOST": "127.0.0.1",
                   "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn"}  # fmt: skip
    return subprocess.Popen([node(), str(SERVER)], env=environment, cwd=repo)
