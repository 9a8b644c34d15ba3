"""Check at start-up that PLUGINS lists every plugin after those it needs before it.

Pelican runs the receivers of one signal in the order the plugins were
registered, which is their order in PLUGINS. A plugin of this package says
which plugins must come before it (``RUNS_AFTER``) and, for plugins of other
packages, which must come after it (``RUNS_BEFORE``), as tuples of the names
used in PLUGINS. A plugin that is not listed at all is no constraint: each
plugin works without the others, only their order matters when both are on.
A wrong order stops the build before anything is read, with one message
saying which plugin to move.
"""

import importlib

from pelican import signals


class PluginOrderError(Exception):
    """PLUGINS breaks an order a plugin declares; shown as its message alone."""

    expected_failure = True  # trangxa.build_log shows the message without a traceback
    exitcode = 1


def declared(name, attribute):
    """A plugin's RUNS_AFTER or RUNS_BEFORE (empty for plugins that declare nothing)."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return ()
    return tuple(getattr(module, attribute, ()))


def order_problems(names):
    """One Vietnamese sentence per broken rule, for the ordered plugin names."""
    position = {name: index for index, name in enumerate(names)}
    problems = []
    for index, name in enumerate(names):
        for earlier in declared(name, "RUNS_AFTER"):
            if position.get(earlier, -1) > index:
                problems.append(f"“{earlier}” phải đứng trước “{name}” trong PLUGINS")
        for later in declared(name, "RUNS_BEFORE"):
            if -1 < position.get(later, len(names)) < index:
                problems.append(f"“{name}” phải đứng trước “{later}” trong PLUGINS")
    return problems


def check_order(pelican):
    """initialized: PLUGINS holds the loaded plugins' names, in registration order."""
    problems = order_problems(list(pelican.settings.get("PLUGINS") or []))
    if problems:
        raise PluginOrderError(f"Thứ tự plugin trong PLUGINS (pelicanconf.py) sai: {'; '.join(problems)}.")


def register():
    signals.initialized.connect(check_order)
