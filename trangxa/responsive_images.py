"""Resized copies of the site's photos, and the <img> attributes that use them.

* At the end of a build, every JPEG/PNG/WebP under STATIC_PATHS gets copies
  ``name-360w.jpg``, ``name-720w.jpg`` … next to it in the output (only widths
  smaller than the original). They are made once with Pillow and kept in
  CACHE_PATH, so a rebuild only copies them. A copy is made again when its photo's
  bytes or the quality changed (``CACHE_PATH/responsive_images/made.json``), not
  its time: a fresh clone with a restored CI cache makes none.
* Template filters add ``width``/``height`` (no layout shift while the photo
  loads), ``srcset``/``sizes`` (a phone downloads the small copy) and lazy
  loading: ``responsive_images`` for an article's HTML, ``image_attrs`` for a
  cover image path.

Settings: RESPONSIVE_IMAGE_WIDTHS ((360, 720)), RESPONSIVE_IMAGE_QUALITY (78),
RESPONSIVE_IMAGE_SIZES ("(min-width: 48rem) 720px, 100vw").
"""

import functools
import json
import os
import re
import shutil

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from PIL import Image

from trangxa.incremental_output.keys import current_digest

EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
DEFAULT_WIDTHS = (360, 720)
# {"sources": {photo: [mtime_ns, size, digest]}, "variants": {copy: [photo's digest, quality]}}
MADE_FILE = "made.json"
VARIANT_NAME = re.compile(r"-\d+w\.\w+$")  # photo-360w.jpg: a resized copy
DEFAULT_SIZES = "(min-width: 48rem) 720px, 100vw"
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
SRC = re.compile(r'\ssrc="([^"]+)"')


@functools.lru_cache(maxsize=4096)
def _size(path, mtime):
    with Image.open(path) as image:
        return image.size


def image_size(path):
    """(width, height) of an image file, read from its header; None if unreadable."""
    try:
        return _size(path, os.path.getmtime(path))
    except (OSError, ValueError):
        return None


def variant_path(path, width):
    stem, extension = os.path.splitext(path)
    return f"{stem}-{width}w{extension}"


def variant_widths(size, widths):
    return [w for w in sorted(widths) if size and w < size[0]]


def srcset(url, size, widths):
    entries = [f"{variant_path(url, w)} {w}w" for w in variant_widths(size, widths)]
    return ", ".join([*entries, f"{url} {size[0]}w"]) if entries else ""


def img_attributes(url, size, settings, lazy=True):
    """The attributes to add to an <img> showing ``url`` (a file of ``size``)."""
    widths = settings.get("RESPONSIVE_IMAGE_WIDTHS", DEFAULT_WIDTHS)
    attributes = {"width": str(size[0]), "height": str(size[1])}
    candidates = srcset(url, size, widths)
    if candidates:
        attributes["srcset"] = candidates
        attributes["sizes"] = settings.get("RESPONSIVE_IMAGE_SIZES", DEFAULT_SIZES)
    if lazy:
        attributes["loading"] = "lazy"
    attributes["decoding"] = "async"
    return attributes


def local_file(url, site_url, content_root):
    """The content file behind a URL of this site, or None."""
    prefix = f"{site_url}/" if site_url else ""
    if prefix and not url.startswith(prefix):
        return None
    path = os.path.join(content_root, url[len(prefix) :].split("?")[0])
    return path if path.lower().endswith(EXTENSIONS) and os.path.isfile(path) else None


def add_attributes(tag, attributes):
    present = set(re.findall(r"\s([a-zA-Z-]+)=", tag))
    extra = "".join(f' {name}="{value}"' for name, value in attributes.items() if name not in present)
    return tag[:-2] + extra + " />" if tag.endswith("/>") else tag[:-1] + extra + ">"


@pass_context
def responsive_images(context, html):
    """Filter for an article's HTML: size and srcset on its local photos."""
    settings, content_root = context, context["PATH"]

    def rewrite(match):
        tag = match.group(0)
        src = SRC.search(tag)
        path = src and local_file(src.group(1), context["SITEURL"], content_root)
        size = path and image_size(path)
        return add_attributes(tag, img_attributes(src.group(1), size, settings)) if size else tag

    return Markup(IMG_TAG.sub(rewrite, str(html)))


@pass_context
def image_attrs(context, relative_path, lazy=True):
    """Filter for a cover image path (relative to content/): the extra attributes."""
    path = os.path.join(context["PATH"], str(relative_path))
    size = image_size(path)
    if not size:
        return Markup("")
    url = f"{context['SITEURL']}/{relative_path}"
    attributes = img_attributes(url, size, context, lazy)
    return Markup("".join(f' {name}="{Markup.escape(value)}"' for name, value in attributes.items()))


def add_filters(generator):
    generator.env.filters["responsive_images"] = responsive_images
    generator.env.filters["image_attrs"] = image_attrs


def static_images(settings):
    root = settings["PATH"]
    for static in settings["STATIC_PATHS"]:
        for folder, _, files in os.walk(os.path.join(root, static)):
            for name in files:
                if name.lower().endswith(EXTENSIONS) and not VARIANT_NAME.search(name):
                    path = os.path.join(folder, name)
                    yield path, os.path.relpath(path, root)


def make_variant(source, target, width, quality):
    with Image.open(source) as image:
        height = round(image.height * width / image.width)
        resized = image.convert("RGB") if image.mode not in ("RGB", "RGBA", "L") else image
        resized = resized.resize((width, height), Image.Resampling.LANCZOS)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        options = {"quality": quality, "optimize": True} if target.lower().endswith((".jpg", ".jpeg")) else {}
        resized.save(target, **options)


def write_variants(pelican):
    """finalized: copy (making them first if needed) the resized photos into the output,
    and remove the ones of photos that are gone (the output is kept between builds)."""
    settings = pelican.settings
    widths = settings.get("RESPONSIVE_IMAGE_WIDTHS", DEFAULT_WIDTHS)
    quality = settings.get("RESPONSIVE_IMAGE_QUALITY", 78)
    cache = os.path.join(settings.get("CACHE_PATH", "cache"), "responsive_images")
    made = load_made(cache)
    sources, variants = {}, {}
    produced = set()
    for source, relative in static_images(settings):
        record = sources[relative] = list(made["sources"].get(relative) or [None, None, None])
        for width in variant_widths(image_size(source), widths):
            name = variant_path(relative, width)
            cached = os.path.join(cache, name)
            variants[name] = [current_digest(source, record), quality]
            if not os.path.isfile(cached) or made["variants"].get(name) != variants[name]:
                make_variant(source, cached, width, quality)
            target = os.path.join(pelican.output_path, variant_path(relative, width))
            produced.add(os.path.normpath(target))
            if not same_file(cached, target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(cached, target)
    remove_stale_variants(pelican.output_path, settings, produced)
    if made != {"sources": sources, "variants": variants}:
        os.makedirs(cache, exist_ok=True)
        with open(os.path.join(cache, MADE_FILE), "w", encoding="utf-8") as handle:
            json.dump({"sources": sources, "variants": variants}, handle)


def load_made(cache):
    try:
        with open(os.path.join(cache, MADE_FILE), encoding="utf-8") as handle:
            made = json.load(handle)
        return {"sources": dict(made["sources"]), "variants": dict(made["variants"])}
    except (OSError, ValueError, KeyError, TypeError):
        return {"sources": {}, "variants": {}}


def same_file(source, target):
    try:
        mine, theirs = os.stat(source), os.stat(target)
    except OSError:
        return False
    return (mine.st_size, mine.st_mtime_ns) == (theirs.st_size, theirs.st_mtime_ns)


def remove_stale_variants(output_path, settings, produced):
    """Resized copies in the output whose photo is gone (not a photo of content/ itself)."""
    for static in settings["STATIC_PATHS"]:
        for folder, _, files in os.walk(os.path.join(output_path, static)):
            for name in files:
                target = os.path.normpath(os.path.join(folder, name))
                if not VARIANT_NAME.search(name) or target in produced:
                    continue
                if not os.path.exists(os.path.join(settings["PATH"], os.path.relpath(target, output_path))):
                    os.remove(target)


def register():
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(write_variants)
