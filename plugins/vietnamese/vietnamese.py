"""Register the Vietnamese template filters with every Pelican generator."""

from pelican import signals

from . import filters


def add_filters(generator):
    generator.env.filters.update(filters.ALL_FILTERS)


def register():
    signals.generator_init.connect(add_filters)
