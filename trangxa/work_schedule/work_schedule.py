"""Lịch công tác: the weekly work schedule of the commune's leaders (Decree 42/2022/NĐ-CP).

Editors write one YAML file per week under ``content/<WORK_SCHEDULE_PATH>/`` (or one
folder below, ``lich-cong-tac/2026/``), named ``<năm>-tuan-<số tuần>.yml`` (ISO weeks;
model.py has the format; docs/editors/lich-cong-tac.md the editors' guide).
``WorkScheduleGenerator`` reads them, reports every problem as ``file:line: message``
(errors fail a strict build), and writes:

- ``lich-cong-tac/``: the current week, decided at build time in the site's TIMEZONE
  (``WORK_SCHEDULE_TODAY`` fixes "today", for tests); when that week has no file, the page
  says so and links to the nearest weeks that have one. The site is rebuilt every Monday
  morning by the CI schedule (docs/operators/ci.md), so this page follows the weeks;
- ``lich-cong-tac/<năm>/tuan-<số>/``: each week, with its previous and next weeks;
- ``lich-cong-tac/<năm>/``: the weeks of a year;
- context for the home page's "Lịch công tác tuần này" box (``work_schedule_home``).

Every file of the folder is a week's schedule or reported (the folder is declared in
CONTENT_DATA_FILES): nothing is dropped silently. Each page passes what it shows as its key
(``output_key``), and the home page's box is declared as part of the home page's key
(trangxa.lib.page_inputs): trangxa.incremental_output rewrites a page only when it changes.

Settings (defaults in DEFAULTS): WORK_SCHEDULE_PATH, WORK_SCHEDULE_URL/_SAVE_AS,
WORK_SCHEDULE_WEEK_URL/_SAVE_AS ("{year}", "{week}"), WORK_SCHEDULE_YEAR_URL/_SAVE_AS,
WORK_SCHEDULE_TODAY (None: the build's day; "dd/mm/yyyy" or a date).
"""

import datetime
import fnmatch
import logging
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator

from trangxa.lib.dates import format_date, parse_date
from trangxa.lib.page_inputs import add_page_input
from trangxa.lib.problems import problem

from .model import day_label, read_week, week_label

logger = logging.getLogger(__name__)
RUNS_AFTER = ("trangxa.content_checks",)  # its error count and CONTENT_DATA_FILES
RUNS_BEFORE = ("trangxa.incremental_output", "sitemap")

DEFAULTS = {
    "WORK_SCHEDULE_PATH": "lich-cong-tac",
    "WORK_SCHEDULE_URL": "lich-cong-tac/",
    "WORK_SCHEDULE_SAVE_AS": "lich-cong-tac/index.html",
    "WORK_SCHEDULE_WEEK_URL": "lich-cong-tac/{year}/tuan-{week}/",
    "WORK_SCHEDULE_WEEK_SAVE_AS": "lich-cong-tac/{year}/tuan-{week}/index.html",
    "WORK_SCHEDULE_YEAR_URL": "lich-cong-tac/{year}/",
    "WORK_SCHEDULE_YEAR_SAVE_AS": "lich-cong-tac/{year}/index.html",
    "WORK_SCHEDULE_TODAY": None,
}
SUFFIXES = (".yml", ".yaml")


def add_defaults(pelican):
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    folder = settings["WORK_SCHEDULE_PATH"].strip("/")
    patterns = list(settings.get("CONTENT_DATA_FILES", []))
    patterns += [p for p in (f"{folder}/*", f"{folder}/*/*") if p not in patterns]
    settings["CONTENT_DATA_FILES"] = patterns


def today_of(settings):
    fixed = settings.get("WORK_SCHEDULE_TODAY")
    if fixed:
        return fixed if isinstance(fixed, datetime.date) else parse_date(fixed).date()
    return datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()


def display_path(path):
    """content/lich-cong-tac/x.yml when under the current directory, else the full path."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


# --- views: plain dicts for the templates ---------------------------------------------------------


def week_url(settings, year, number, save_as=False):
    return settings["WORK_SCHEDULE_WEEK_SAVE_AS" if save_as else "WORK_SCHEDULE_WEEK_URL"].format(
        year=year, week=number
    )


def week_link(week, settings):
    if week is None:
        return None
    return {
        "year": week.year,
        "number": week.number,
        "label": week_label(week.monday),
        "url": week_url(settings, week.year, week.number),
    }


def item_view(item):
    return {
        "time": item.time_label,
        "datetime": f"{item.day.isoformat()}T{item.time_iso}" if item.time_iso else item.day.isoformat(),
        "content": item.content,
        "chair": item.chair,
        "place": item.place,
        "participants": item.participants,
        "preparation": item.preparation,
    }


def week_view(week, settings, today):
    """What a week's page shows: its days (Monday to Friday always, the weekend when it has
    items), each with its items in time order."""
    by_day = {}
    for item in week.items:
        by_day.setdefault(item.day, []).append(item_view(item))
    days = []
    for offset in range(7):
        day = week.monday + datetime.timedelta(days=offset)
        if offset < 5 or day in by_day:
            days.append(
                {
                    "iso": day.isoformat(),
                    "label": day_label(day),
                    "anchor": f"ngay-{day.isoformat()}",
                    "today": day == today,
                    "entries": by_day.get(day, []),
                }
            )
    return {
        **week_link(week, settings),
        "monday": format_date(week.monday),
        "sunday": format_date(week.sunday),
        "monday_iso": week.monday.isoformat(),
        "sunday_iso": week.sunday.isoformat(),
        "current": week.monday <= today <= week.sunday,
        "days": days,
        "count": len(week.items),
        "note": week.note,
        "updated": updated_label(week.updated),
        "updated_iso": week.updated.isoformat() if week.updated else "",
    }


def updated_label(moment):
    """16:30 ngày 27/11/2026 (ngày 27/11/2026 without a time)."""
    if moment is None:
        return ""
    time = f"{moment.hour:02d}:{moment.minute:02d} " if moment.hour or moment.minute else ""
    return f"{time}ngày {format_date(moment)}"


class Schedule:
    """The published weeks, oldest first, and what the pages and the home box need."""

    def __init__(self, weeks, settings, today):
        self.weeks = sorted(weeks, key=lambda w: (w.year, w.number))
        self.settings = settings
        self.today = today
        year, number, _ = today.isocalendar()
        self.current = next((w for w in self.weeks if (w.year, w.number) == (year, number)), None)
        self.current_monday = datetime.date.fromisocalendar(year, number, 1)
        self.views = {id(w): week_view(w, settings, today) for w in self.weeks}

    def neighbours(self, index):
        previous = self.weeks[index - 1] if index > 0 else None
        following = self.weeks[index + 1] if index + 1 < len(self.weeks) else None
        return week_link(previous, self.settings), week_link(following, self.settings)

    def nearest(self):
        """(latest week before this one, first week after it) that have a file."""
        before = [w for w in self.weeks if w.monday < self.current_monday]
        after = [w for w in self.weeks if w.monday > self.current_monday]
        return (
            week_link(before[-1] if before else None, self.settings),
            week_link(after[0] if after else None, self.settings),
        )

    def current_page(self):
        """The variables of the current week's page."""
        this_week = {
            "label": week_label(self.current_monday),
            "number": self.current_monday.isocalendar()[1],
            "year": self.current_monday.isocalendar()[0],
        }
        built = {"date": format_date(self.today), "iso": self.today.isoformat()}
        if self.current is None:
            before, after = self.nearest()
            return {"this_week": this_week, "built": built, "week": None, "previous": before, "next": after}
        index = self.weeks.index(self.current)
        previous, following = self.neighbours(index)
        view = self.views[id(self.current)]
        return {"this_week": this_week, "built": built, "week": view, "previous": previous, "next": following}

    def years(self):
        """[(year, [week links, newest first])], newest year first."""
        grouped = {}
        for week in reversed(self.weeks):
            grouped.setdefault(week.year, []).append(
                {**week_link(week, self.settings), "count": len(week.items)}
            )
        return list(grouped.items())

    def home_box(self):
        """The home page's box: this week's days and how many items each has."""
        page = self.current_page()
        week = page["week"]
        return {
            "url": self.settings["WORK_SCHEDULE_URL"],
            "label": page["this_week"]["label"],
            "number": page["this_week"]["number"],
            "days": [
                {"label": day["label"], "count": len(day["entries"]), "anchor": day["anchor"]}
                for day in week["days"]
                if day["entries"]
            ]
            if week
            else [],
            "week_url": week["url"] if week else "",
        }


# --- the generator ---------------------------------------------------------------------------------


class WorkScheduleGenerator(Generator):
    def find_files(self):
        """Absolute paths of the files of the schedule folder and of its sub-folders."""
        root = os.path.join(self.path, self.settings["WORK_SCHEDULE_PATH"])
        ignored = self.settings["IGNORE_FILES"]
        found = []
        if not os.path.isdir(root):
            return found
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if not _ignored(d, ignored))
            if folder != root:
                subfolders[:] = []  # one level below at most, as CONTENT_DATA_FILES declares
            found += [os.path.join(folder, f) for f in sorted(files) if not _ignored(f, ignored)]
        return found

    def generate_context(self):
        self.schedule = None
        if self.settings.get("PREVIEW"):
            return  # `invoke preview` builds one article
        weeks, unpublished = [], []
        for path in self.find_files():
            relative = Path(os.path.relpath(path, self.path)).as_posix()
            if not path.lower().endswith(SUFFIXES):
                message = (
                    f"Tệp “{os.path.basename(path)}” không phải tệp lịch công tác (.yml) nên không được "
                    "đăng. Lịch mỗi tuần viết trong một tệp <năm>-tuan-<số tuần>.yml "
                    "(docs/editors/lich-cong-tac.md); xóa hoặc chuyển tệp này đi."
                )
                self.log(path, [problem(1, message, blocking=True)])
                unpublished.append(f"{display_path(path)} (không phải tệp lịch)")
                continue
            try:
                text = Path(path).read_text(encoding="utf-8")
            except UnicodeDecodeError:
                message = (
                    "Tệp không lưu ở dạng UTF-8 nên không đọc được. Mở tệp và lưu lại với bảng mã UTF-8."
                )
                self.log(path, [problem(1, message, blocking=True)])
                unpublished.append(f"{display_path(path)} (không đọc được)")
                continue
            week = read_week(text, relative)
            week.source_path = path
            weeks.append(week)
        seen = {}
        for week in weeks:
            if week.blocking:
                continue
            first = seen.setdefault((week.year, week.number), week)
            if first is not week:
                week.add(
                    1,
                    f"Tuần {week.number} năm {week.year} đã có tệp “{first.path}” nên tệp này không được "
                    "đăng. Gộp hai tệp làm một.",
                    blocking=True,
                )
        for week in weeks:
            self.log(week.source_path, week.problems)
            if week.blocking:
                unpublished.append(f"{display_path(week.source_path)} ({week.blocking.split('.')[0]})")
        if unpublished:
            logger.error(
                "%d tệp lịch công tác không được đăng: %s",
                len(unpublished),
                "; ".join(unpublished),
                extra={"recap": True},
            )
        self.schedule = Schedule([w for w in weeks if not w.blocking], self.settings, today_of(self.settings))
        self.context["work_schedule_home"] = self.schedule.home_box()

    def log(self, path, problems):
        for found in sorted(problems, key=lambda p: p["line"]):
            level = logging.getLevelName(found["level"].upper())
            logger.log(level, "%s:%d: %s", display_path(path), found["line"], found["message"])

    def generate_output(self, writer):
        if self.schedule is None:
            return
        settings, schedule = self.settings, self.schedule
        relative = settings["RELATIVE_URLS"]
        template = self.get_template("work_schedule")
        years = schedule.years()
        # Each page's variables are also its key (output_key, trangxa.lib.page_inputs): a page is
        # rewritten when what it shows changes (an item, "hôm nay", the build's day), not at every build.
        current = {**schedule.current_page(), "is_current_page": True, "years": years}
        writer.write_file(
            settings["WORK_SCHEDULE_SAVE_AS"], template, self.context, relative_urls=relative,
            template_name="work_schedule", url=settings["WORK_SCHEDULE_URL"],
            schedule=current, output_key=current,
        )  # fmt: skip
        for index, week in enumerate(schedule.weeks):
            previous, following = schedule.neighbours(index)
            view = schedule.views[id(week)]
            shown = {"week": view, "previous": previous, "next": following, "is_current_page": False,
                     "this_week": current["this_week"]}  # fmt: skip
            writer.write_file(
                week_url(settings, week.year, week.number, save_as=True), template, self.context,
                relative_urls=relative, template_name="work_schedule", url=view["url"],
                schedule=shown, output_key=shown,
            )  # fmt: skip
        template = self.get_template("work_schedule_year")
        for year, links in years:
            url = settings["WORK_SCHEDULE_YEAR_URL"].format(year=year)
            shown = {"year": year, "weeks": links, "url": url}
            writer.write_file(
                settings["WORK_SCHEDULE_YEAR_SAVE_AS"].format(year=year), template, self.context,
                relative_urls=relative, template_name="work_schedule_year", url=url,
                schedule_year=shown, output_key=shown,
            )  # fmt: skip


def _ignored(name, patterns):
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def get_generators(pelican):
    return WorkScheduleGenerator


def declare_home_box(generators):
    """all_generators_finalized: the home page shows this week's box; what it shows joins the
    home page's key (trangxa.lib.page_inputs), so the page is rewritten when the box changes."""
    for generator in generators:
        if isinstance(generator, WorkScheduleGenerator) and generator.schedule is not None:
            save_as = generator.settings.get("INDEX_SAVE_AS") or "index.html"
            add_page_input(generator.context, save_as, generator.context.get("work_schedule_home"))


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(declare_home_box)
