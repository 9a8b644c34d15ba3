"""Print the nginx line of the site's Content-Security-Policy header for a settings file:

.venv/bin/python -m trangxa.content_security publishconf.py
"""

import sys

from pelican.settings import read_settings

from .policy import header_policy


def nginx_line(settings):
    return f'add_header Content-Security-Policy "{header_policy(settings)}" always;'


if __name__ == "__main__":
    print(nginx_line(read_settings(sys.argv[1] if len(sys.argv) > 1 else "publishconf.py")))
