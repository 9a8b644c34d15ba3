"""Lists whose first page always holds the newest articles, and whose archive pages never move.

Pelican numbers list pages from the newest: one new article shifts every
article of every page, and all of them must be written again. Here:

- the first page (the list's own URL) holds the newest ``per_page`` articles,
  always the same number (all of them when the list is shorter);
- the other articles are cut into fixed blocks of ``per_page`` counted from
  the oldest: block 1 holds the oldest ``per_page``, block 2 the next ones…
  Block ``k`` is the archive page ``trang-k/`` for ever. The newest block is
  cut short where the first page begins, so it holds 1 to ``per_page``
  articles, and grows with each new article until it is full.

A new article changes the first page and the newest block, and the pager of
the block below it when the newest block's label (its dates) changes; every
other archive page keeps its articles, its address and its pager. Once every
``per_page`` articles a new block starts, and the pagers of the two blocks below
it change. So 2 to 4 pages of each list the article is on, whatever its length.

Readers never see block numbers (they run from the oldest): archive pages are
labelled by the dates of their articles, in the pager and in the page title.
``StablePage.number`` keeps Pelican's meaning (1 = the page shown first, then
older pages), so ``has_next()``, ``previous_page`` and ``rel="next"`` read
newest first; ``StablePage.block`` is the number in the URL, ``dates`` the
first and last days of its articles, ``label`` the short form the pager shows.

As a plugin it makes Pelican's writer paginate this way (through trangxa.compat).
The theme needs it: its pager calls ``nearby()`` and shows ``label``; titles show ``dates.long``.
"""

import datetime
import math
from typing import NamedTuple

from pelican import signals
from pelican.paginator import Paginator

from trangxa import compat

# Pages linked on each side of the current one; the first and the oldest are always linked.
# One on each side: date labels are long (a phone shows five of them on two lines), and the
# newest archive page, whose dates change with each new article, then appears in the pager
# of one other page only.
NEARBY_WIDTH = 1
# A page whose articles span more days is labelled by months (03/2025 – 10/2025).
DAYS_SHOWN_AS_DAYS = 31


def _day(moment):
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year}"


class DateRange(NamedTuple):
    """The first and last days of an archive page's articles."""

    oldest: datetime.date
    newest: datetime.date

    @classmethod
    def of(cls, items):
        """The range of the items' dates (days: the time and time zone do not matter)."""
        days = [datetime.date(item.date.year, item.date.month, item.date.day) for item in items]
        return cls(min(days), max(days))

    @property
    def short(self):
        """For the pager. Days when the articles span a month at most: 28/05/2025,
        02/05 – 28/05/2025, 28/12/2024 – 03/01/2025; months when they span more:
        03/2025 – 10/2025. Two archive pages never get the same label, unless both hold
        the articles of one day only (more than per_page of them that day)."""
        oldest, newest = self.oldest, self.newest
        if oldest == newest:
            return _day(newest)
        if (newest - oldest).days > DAYS_SHOWN_AS_DAYS:
            return f"{oldest.month:02d}/{oldest.year} – {newest.month:02d}/{newest.year}"
        if oldest.year == newest.year:
            return f"{oldest.day:02d}/{oldest.month:02d} – {_day(newest)}"
        return f"{_day(oldest)} – {_day(newest)}"

    @property
    def long(self):
        """For titles and screen readers: "từ 02/05/2025 đến 28/05/2025", or "ngày 28/05/2025"."""
        oldest, newest = _day(self.oldest), _day(self.newest)
        return f"ngày {newest}" if oldest == newest else f"từ {oldest} đến {newest}"

    def __str__(self):
        return self.short


class StablePaginator(Paginator):
    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.per_page = self.per_page or 1
        self.orphans = 0

    @property
    def blocks(self):
        """Archive pages: the articles not on the first page, in blocks of per_page."""
        return math.ceil(max(0, self.count - self.per_page) / self.per_page)

    @property
    def num_pages(self):
        return 1 + self.blocks

    def block_of(self, number):
        """The archive block (1 = oldest) shown as page ``number``; None for the first page."""
        return None if number == 1 else self.num_pages - number + 1

    def bounds(self, number):
        """Slice of the (newest first) object list shown on page ``number``."""
        if number == 1:
            return 0, min(self.count, self.per_page)
        block = self.block_of(number)
        oldest_first = (block - 1) * self.per_page, min(block * self.per_page, self.count - self.per_page)
        return self.count - oldest_first[1], self.count - oldest_first[0]

    def page(self, number):
        bottom, top = self.bounds(number)
        return StablePage(self.name, self.url, self.object_list[bottom:top], number, self, self.settings)

    def nearby(self, page, width=NEARBY_WIDTH):
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
    def block(self):
        """The archive block in the URL (1 = the oldest articles); None on the first page."""
        return self.paginator.block_of(self.number)

    @property
    def dates(self):
        """The dates of an archive page's articles (a DateRange); None on the first page."""
        if self.number == 1 or not self.object_list:
            return None
        return DateRange.of(self.object_list)

    @property
    def label(self):
        """What other pages' pagers show of this one (``dates.short``); None on the first page.

        Pagers show nothing else of another page (its exact days are on the page itself):
        trangxa.incremental_output keys a list page with its neighbours' labels, so the
        page below the newest archive page is written again only when this text changes
        (with a new month, or a new day when the articles span a month at most), not with
        every article that archive page gains.
        """
        dates = self.dates
        return dates and dates.short

    def start_index(self):
        return self.paginator.bounds(self.number)[0] + 1 if self.object_list else 0

    def end_index(self):
        return self.paginator.bounds(self.number)[1]

    def address(self, key):
        """URL or SAVE_AS (``key``) of this page; Pelican's url and save_as (through compat).

        First page: the first pattern ({url}); archive pages: the last one, with the block.
        """
        patterns = self.settings["PAGINATION_PATTERNS"]
        rule = patterns[0] if self.number == 1 else patterns[-1]
        value = getattr(rule, key).format(
            save_as=self.full_name,
            url=self.base_url,
            name=self.name,
            base_name=self.base_name,
            extension=self.extension,
            number=self.block or 1,
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
