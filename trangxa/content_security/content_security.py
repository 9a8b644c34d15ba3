"""Signals only: the policy into the templates, stale sanitized reads out of the cache.

Settings (pelicanconf.py): CONTENT_EMBED_HOSTS (("www.youtube.com",
"www.youtube-nocookie.com")), and the ones policy.py reads.
"""

from pelican import signals

from trangxa import compat

from . import policy, sanitize


def add_policy_to_templates(generator):
    """generator_init: every template can print CONTENT_SECURITY_POLICY."""
    generator.env.globals["CONTENT_SECURITY_POLICY"] = policy.content_security_policy(generator.settings)


def drop_reads_of_other_sanitizer(generator):
    """*_generator_init: Pelican's reader cache only watches the file itself; a read
    sanitized by other code or settings is read again."""
    current = sanitize.sanitizer_version(generator.settings)
    compat.drop_cached_reads(generator.readers, lambda metadata: metadata.get("sanitizer_version") != current)


def register():
    signals.generator_init.connect(add_policy_to_templates)
    signals.article_generator_init.connect(drop_reads_of_other_sanitizer)
    signals.page_generator_init.connect(drop_reads_of_other_sanitizer)
