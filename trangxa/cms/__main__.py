"""python -m trangxa.cms: the version and sha256 of the installed decap-cms bundle, to pin in bundle.py."""

from .bundle import describe

for key, value in describe().items():
    print(f"{key}: {value}")
