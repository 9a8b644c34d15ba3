"""Where a setting is written in the settings file, so that a message about it reads
``pelicanconf.py:57: SITE_LINKS[3] (“Xã bạn”): …`` like every other problem of a build.

The file is parsed, never run: the line of the setting's last assignment at the top of
the file (as Python keeps the last one), of the item ``index`` of a list written out, or of
the key ``key`` in a dict written out; the assignment's own line when the item is not
written out (a list built by code, a value set with ``pelican -e``).
"""

import ast
import functools
import os

SETTINGS_FILE = "pelicanconf.py"  # where the operator writes settings (publishconf.py reads it)


def where(name, index=None, key=None, path=SETTINGS_FILE):
    """``path:line`` of the setting (or of its item), or ``path`` alone if it is not found."""
    line = setting_line(name, index, key, path)
    return f"{path}:{line}" if line else path


def setting_line(name, index=None, key=None, path=SETTINGS_FILE):
    """The line of ``name``, of its item ``index`` or of its ``key`` in ``path``, or None."""
    found = _assignments(*_stamp(path)).get(name)
    if found is None:
        return None
    line, value = found
    if index is not None and isinstance(value, (ast.List, ast.Tuple)) and 0 <= index < len(value.elts):
        return value.elts[index].lineno
    if key is not None and isinstance(value, ast.Dict):
        keys = [k for k in value.keys if isinstance(k, ast.Constant) and k.value == key]
        return keys[-1].lineno if keys else line
    return line


def _stamp(path):
    try:
        stat = os.stat(path)
    except OSError:
        return path, None
    return path, (stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _assignments(path, stamp):
    """{setting name: (line, value node) of its last top-level assignment} (parsed again when
    the file changes: make serve rebuilds in the same process)."""
    if stamp is None:
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), filename=path)
    except (OSError, SyntaxError, ValueError):
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                found[target.id] = (node.lineno, value)
    return found
