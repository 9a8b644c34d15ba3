"""The commune site's Pelican plugins, their shared library and the services beside them.

Each plugin is one module (or one subpackage) of this package, listed in PLUGINS of
pelicanconf.py by its dotted name (``trangxa.content_checks``). What several plugins
share lives in ``trangxa.lib``; every use of Pelican's or a library's internals goes
through ``trangxa.compat``. docs/developers.md draws the map.
"""
