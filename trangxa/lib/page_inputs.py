"""What a page shows besides its own subject, declared by the plugin that puts it there.

trangxa.incremental_output rewrites an output file only when its key changes. The key covers
the file's subject (an article, a page, the items of a list page) and the whole site (settings,
theme, plugin code, menu). A plugin that adds a box to some files (the week's schedule on the
home page, the newest documents on the home and organizations' pages) declares, for each file,
what its box shows: that value joins the file's key, so the file is rewritten when, and only
when, the box changes. A plugin's own page, which has no article or list, passes what it shows
as ``output_key=`` in write_file's keyword arguments; without it the page is written at every
build.

Values are plain data (str, numbers, dates, lists, dicts), as the templates receive them.
"""

CONTEXT_KEY = "PAGE_INPUTS"


def add_page_input(context, save_as, value):
    """Declare that the output file ``save_as`` (relative to the output folder) shows ``value``."""
    context.setdefault(CONTEXT_KEY, {}).setdefault(save_as, []).append(value)


def page_inputs(context, save_as):
    """What plugins declared for ``save_as`` (None when nothing)."""
    return context.get(CONTEXT_KEY, {}).get(save_as)
