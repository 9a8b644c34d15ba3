"""Pagination counted from the oldest article, so old list pages never move.

Pelican numbers list pages from the newest: one new article shifts every
article of every page, and all of them must be written again. Here the
archive pages are fixed blocks of ``per_page`` articles counted from the
oldest (``trang-1`` holds the oldest ones); the first page (the list's own
URL) holds the newest ``per_page`` to ``2 * per_page - 1`` articles. A new
article changes the first page, and once every ``per_page`` articles it
creates one archive page.

``StablePage.number`` keeps Pelican's meaning (1 = the page shown first,
then older pages), so ``has_next()`` and ``previous_page`` work as usual;
``StablePage.label`` is the archive number shown to readers and used in the
URL, which never changes for a page.

As a plugin it makes Pelican's writer paginate this way (through trangxa.compat).
The theme needs it: its pager calls ``nearby()`` and shows ``label``.
"""

from pelican import signals
from pelican.paginator import Paginator

from trangxa import compat


class StablePaginator(Paginator):
    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0

    @property
    def num_pages(self):
        return max(1, self.count // (self.per_page or 1))

    def bounds(self, number):
        """Slice of the (newest first) object list shown on page ``number``."""
        label = self.num_pages - number + 1  # the archive block, 1 = oldest
        if number == 1:
            return 0, self.count - (label - 1) * self.per_page
        return self.count - label * self.per_page, self.count - (label - 1) * self.per_page

    def page(self, number):
        bottom, top = self.bounds(number)
        return StablePage(self.name, self.url, self.object_list[bottom:top], number, self, self.settings)

    def nearby(self, page, width=2):
        """Pages to link from ``page``: newest first, with None for a gap."""
        last = self.num_pages
        shown = {1, last, *range(max(1, page.number - width), min(last, page.number + width) + 1)}
        numbers, previous = [], None
        for number in sorted(shown):
            if previous is not None and number > previous + 1:
                numbers.append(None)
            numbers.append(self.page(number))
            previous = number
        return numbers


class StablePage(compat.PageWithOwnAddresses):
    @property
    def label(self):
        """The archive number readers see (and the URL uses); None on the first page."""
        if self.number == 1:
            return None
        return self.paginator.num_pages - self.number + 1

    def start_index(self):
        return self.paginator.bounds(self.number)[0] + 1 if self.object_list else 0

    def end_index(self):
        return self.paginator.bounds(self.number)[1]

    def address(self, key):
        """URL or SAVE_AS (``key``) of this page; Pelican's url and save_as (through compat).

        First page: the first pattern ({url}); archive pages: the last one, with the label.
        """
        patterns = self.settings["PAGINATION_PATTERNS"]
        rule = patterns[0] if self.number == 1 else patterns[-1]
        value = getattr(rule, key).format(
            save_as=self.full_name,
            url=self.base_url,
            name=self.name,
            base_name=self.base_name,
            extension=self.extension,
            number=self.label or 1,
        )
        return value[1:] if value.startswith("/") else value


def use_stable_pagination(generators):
    """all_generators_finalized: the pages are written after this, with this paginator."""
    compat.use_paginator(StablePaginator)


def restore_pagination(pelican):
    """finalized: another build in the same process (tests, a plain baseline) gets Pelican's own."""
    compat.use_paginator(Paginator)


def register():
    signals.all_generators_finalized.connect(use_stable_pagination)
    signals.finalized.connect(restore_pagination)
