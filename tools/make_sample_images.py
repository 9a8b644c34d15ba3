#!/usr/bin/env python3
"""Draw the sample photos used by the sample articles of xã Tân Hòa.

The pictures are simple illustrations (sky, rice paddies, buildings, a stage
with a red banner, people as shapes, trees), drawn with Pillow from a fixed
seed, so running the script twice writes the same files.

    .venv/bin/python tools/make_sample_images.py          # writes content/images/
    .venv/bin/python tools/make_sample_images.py --check  # only lists what it would write

Every image is 800x533 px, JPEG quality 70 (progressive); all of them
together stay under 400 KB (about 325 KB; check with du -sk content/images).
The list IMAGES below is exactly the set of pictures the articles in
content/bai-viet/ refer to.
"""

import argparse
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content"
WIDTH, HEIGHT = 800, 533
SCALE = 2  # drawn at twice the size, then reduced: smooth edges
W, H = WIDTH * SCALE, HEIGHT * SCALE
QUALITY = 70

# --- colours -----------------------------------------------------------------
RED = (196, 30, 36)
DARK_RED = (150, 20, 26)
YELLOW = (250, 210, 60)
WHITE = (245, 245, 240)
SKIN = (214, 164, 122)
HAIR = (40, 32, 28)
SHIRTS = [
    (245, 245, 240),
    (70, 110, 170),
    (200, 60, 60),
    (90, 140, 90),
    (230, 190, 80),
    (120, 90, 150),
    (240, 150, 110),
    (60, 60, 70),
]
GREENS = [(52, 110, 48), (66, 128, 54), (40, 92, 44), (78, 140, 60)]


# --- helpers -----------------------------------------------------------------
def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def gradient(draw, top, bottom, y0, y1, x0=0, x1=W):
    span = max(1, y1 - y0)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=mix(top, bottom, (y - y0) / span))


def sky(draw, rng, horizon, top=(96, 160, 222), bottom=(206, 228, 242), clouds=2):
    gradient(draw, top, bottom, 0, horizon)
    for _ in range(clouds):
        cx = rng.randint(80, W - 80)
        cy = rng.randint(40, max(60, horizon // 2))
        for _ in range(4):
            dx, dy = rng.randint(-90, 90), rng.randint(-18, 18)
            rx, ry = rng.randint(50, 95), rng.randint(22, 36)
            draw.ellipse([cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry], fill=(250, 252, 255))


def sun(draw, x, y, r=46, colour=(255, 236, 170)):
    draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def tree_line(draw, rng, y, colour=(58, 104, 60), height=60):
    x = -40
    while x < W + 40:
        rx = rng.randint(60, 110)
        ry = rng.randint(height // 2, height)
        draw.ellipse([x - rx, y - ry, x + rx, y + ry // 3], fill=colour)
        x += rng.randint(80, 130)
    draw.rectangle([0, y, W, y + 8], fill=colour)


def tree(draw, rng, x, y, size=1.0):
    trunk_w, trunk_h = int(14 * size), int(70 * size)
    draw.rectangle([x - trunk_w // 2, y - trunk_h, x + trunk_w // 2, y], fill=(102, 74, 50))
    dark, light = rng.sample(GREENS, 2)
    for i in range(4):
        dx = rng.randint(-40, 40) * size
        dy = rng.randint(-36, 8) * size
        r = rng.randint(38, 54) * size
        cy = y - trunk_h - 20 * size + dy
        draw.ellipse([x + dx - r, cy - r, x + dx + r, cy + r], fill=light if i == 3 else dark)


def palm(draw, rng, x, y, size=1.0):
    top = (x + rng.randint(-30, 30) * size, y - 230 * size)
    draw.line([(x, y), top], fill=(120, 96, 70), width=int(14 * size))
    for i in range(9):
        angle = math.pi * (i / 8) + rng.uniform(-0.15, 0.15)
        length = rng.randint(90, 130) * size
        end = (top[0] + math.cos(angle) * length, top[1] - math.sin(angle) * length * 0.45 + 40 * size)
        mid = ((top[0] + end[0]) / 2, min(top[1], end[1]) - 25 * size)
        draw.line([top, mid, end], fill=rng.choice(GREENS), width=int(10 * size), joint="curve")


def person(draw, rng, x, y, size=1.0, shirt=None, hat=None, trousers=(50, 55, 70), back=False):
    """A standing figure whose feet are at (x, y)."""
    s = size
    shirt = shirt or rng.choice(SHIRTS)
    leg_h, body_h, head_r = 46 * s, 52 * s, 13 * s
    draw.rectangle([x - 11 * s, y - leg_h, x + 11 * s, y], fill=trousers)
    top = y - leg_h - body_h
    draw.rounded_rectangle([x - 19 * s, top, x + 19 * s, y - leg_h + 4 * s], radius=int(9 * s), fill=shirt)
    cy = top - head_r + 2 * s
    draw.ellipse([x - head_r, cy - head_r, x + head_r, cy + head_r], fill=HAIR if back else SKIN)
    if not back:
        draw.chord([x - head_r, cy - head_r, x + head_r, cy + head_r * 0.2], 180, 360, fill=HAIR)
    if hat == "non":  # conical hat
        draw.polygon(
            [(x - 30 * s, cy - 2 * s), (x + 30 * s, cy - 2 * s), (x, cy - 30 * s)], fill=(232, 214, 160)
        )
    elif hat == "cap":
        draw.chord(
            [x - head_r - 2 * s, cy - head_r - 3 * s, x + head_r + 2 * s, cy + 4 * s],
            180,
            360,
            fill=hat_colour(shirt),
        )
    elif hat == "helmet":
        draw.chord(
            [x - head_r - 3 * s, cy - head_r - 4 * s, x + head_r + 3 * s, cy + 6 * s],
            180,
            360,
            fill=(74, 96, 52),
        )


def seated(draw, x, y, size, shirt):
    """A delegate seen from behind, sitting: head and shoulders above the table at y."""
    s = size
    draw.rounded_rectangle([x - 24 * s, y - 40 * s, x + 24 * s, y], radius=int(12 * s), fill=shirt)
    draw.ellipse([x - 13 * s, y - 66 * s, x + 13 * s, y - 38 * s], fill=HAIR)


def hat_colour(shirt):
    return mix(shirt, (30, 30, 30), 0.35)


def crowd(draw, rng, y0, y1, count, size=(0.8, 1.1), **kwargs):
    spots = sorted((rng.uniform(y0, y1), rng.uniform(30, W - 30)) for _ in range(count))
    for y, x in spots:
        s = rng.uniform(*size) * (0.75 + 0.35 * (y - y0) / max(1, y1 - y0))
        person(draw, rng, x, y, s, **kwargs)


def flag(draw, x, y, pole=200, w=96, h=64):
    draw.rectangle([x - 3, y - pole, x + 3, y], fill=(200, 200, 200))
    top = y - pole
    draw.rectangle([x + 3, top, x + 3 + w, top + h], fill=RED)
    star(draw, x + 3 + w / 2, top + h / 2, h * 0.32)


def star(draw, cx, cy, r, colour=YELLOW):
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + math.cos(angle) * radius, cy + math.sin(angle) * radius))
    draw.polygon(points, fill=colour)


def banner(draw, rng, box, lines=2):
    """A red banner with yellow strokes standing for the slogan."""
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=RED)
    draw.rectangle([x0, y1 - 6, x1, y1], fill=DARK_RED)
    rows = [y0 + (y1 - y0) * (i + 1) / (lines + 1) for i in range(lines)]
    for n, ry in enumerate(rows):
        thick = (y1 - y0) / (lines + 1) * (0.42 if n == 0 else 0.3)
        margin = (x1 - x0) * (0.08 if n == 0 else 0.16)
        x = x0 + margin
        while x < x1 - margin:
            word = rng.randint(int(thick * 3), int(thick * 7))
            draw.rectangle([x, ry - thick / 2, min(x + word, x1 - margin), ry + thick / 2], fill=YELLOW)
            x += word + thick * 1.2


def building(draw, rng, x0, y1, w, floors, wall=(236, 222, 180), roof=(170, 70, 50), windows=6):
    floor_h = 120
    y0 = y1 - floors * floor_h
    draw.rectangle([x0, y0, x0 + w, y1], fill=wall)
    draw.polygon([(x0 - 24, y0), (x0 + w + 24, y0), (x0 + w - 30, y0 - 70), (x0 + 30, y0 - 70)], fill=roof)
    shade = mix(wall, (0, 0, 0), 0.18)
    for f in range(floors):
        fy = y0 + f * floor_h
        draw.rectangle([x0, fy + floor_h - 10, x0 + w, fy + floor_h], fill=shade)
        for i in range(windows):
            wx = x0 + (i + 0.5) * w / windows
            draw.rectangle([wx - 22, fy + 30, wx + 22, fy + 88], fill=(92, 128, 150))
            draw.line([(wx, fy + 30), (wx, fy + 88)], fill=shade, width=4)
    return y0 - 70


def house(draw, rng, x0, y1, w, h, wall=(240, 226, 196), roof=(176, 82, 56)):
    draw.rectangle([x0, y1 - h, x0 + w, y1], fill=wall)
    draw.polygon([(x0 - 30, y1 - h), (x0 + w + 30, y1 - h), (x0 + w / 2, y1 - h - h * 0.7)], fill=roof)
    door_w = w * 0.2
    draw.rectangle([x0 + w / 2 - door_w / 2, y1 - h * 0.62, x0 + w / 2 + door_w / 2, y1], fill=(120, 84, 56))
    for wx in (x0 + w * 0.18, x0 + w * 0.82):
        draw.rectangle([wx - 26, y1 - h * 0.6, wx + 26, y1 - h * 0.3], fill=(92, 128, 150))


def paddy(draw, rng, horizon, near, far, rows=5):
    """Plots of rice in bands that widen towards the viewer, with dikes between them."""
    gradient(draw, far, near, horizon, H)
    dike = mix(near, (150, 130, 90), 0.6)
    y, step, band = horizon + 4, 14, 0
    while y < H:
        y2 = min(H, y + step)
        if band % 2:  # every other band a little lighter, as plots at different ages
            for yy in range(int(y), int(y2)):
                t = (yy - horizon) / (H - horizon)
                draw.line([(0, yy), (W, yy)], fill=mix(mix(far, near, t), (255, 255, 200), 0.12))
        draw.line([(0, y2), (W, y2)], fill=dike, width=max(2, int(step / 8)))
        y, step, band = y2, step * 1.8, band + 1
    vx = W * rng.uniform(0.4, 0.6)
    for i in range(-rows, rows * 2 + 1):
        draw.line([(vx, horizon), (i * W / rows, H)], fill=dike, width=4)


def scene_hall(img, draw, rng, opts):
    """Indoor meeting: stage, red backdrop banner, rows of delegates seen from behind."""
    gradient(draw, (236, 226, 206), (214, 200, 176), 0, H)
    draw.rectangle([0, 0, W, 70], fill=(160, 120, 90))
    draw.rectangle([140, 80, W - 140, 520], fill=DARK_RED)
    banner(draw, rng, (190, 110, W - 190, 330), lines=opts.get("lines", 2))
    draw.rectangle([0, 560, W, 640], fill=(150, 94, 60))  # stage front
    draw.rectangle([0, 520, W, 565], fill=(190, 130, 80))
    draw.rectangle([W / 2 - 70, 400, W / 2 + 70, 560], fill=(170, 110, 70))  # lectern
    draw.rectangle([W / 2 - 80, 395, W / 2 + 80, 415], fill=(130, 80, 50))
    for x in (230, W - 230):  # flower pots
        draw.rectangle([x - 40, 470, x + 40, 530], fill=(200, 170, 80))
        for _ in range(5):
            fx, fy = x + rng.randint(-40, 40), 450 + rng.randint(-24, 8)
            draw.ellipse(
                [fx - 22, fy - 22, fx + 22, fy + 22], fill=rng.choice([RED, YELLOW, (240, 120, 140)])
            )
    # rows of delegates, seen from behind, and their tables
    for row in range(3):
        y = 800 + row * 110
        s = 1.5 + row * 0.35
        x = 70 + (row % 2) * 80
        while x < W:
            seated(draw, x, y, s, rng.choice([WHITE, WHITE, (70, 110, 170)]))
            x += 150 * (1 + row * 0.25)
        draw.rectangle([0, y, W, y + 26 + row * 8], fill=(210, 210, 215))


def scene_outdoor_stage(img, draw, rng, opts):
    """Outdoor ceremony: stage with red banner, flags, trees and a crowd."""
    horizon = 520
    sky(draw, rng, horizon, clouds=1)
    tree_line(draw, rng, horizon, height=70)
    draw.rectangle([0, horizon, W, H], fill=opts.get("ground", (180, 168, 140)))
    for x in (120, W - 120):
        tree(draw, rng, x, horizon + 40, 1.3)
    # stage
    draw.rectangle([300, 220, W - 300, 560], fill=DARK_RED)
    banner(draw, rng, (330, 250, W - 330, 430))
    draw.rectangle([260, 560, W - 260, 620], fill=(160, 110, 70))
    for x in range(330, W - 300, 160):
        flag(draw, x, 560, pole=120, w=60, h=40)
    person(draw, rng, W / 2 - 60, 560, 1.3, shirt=WHITE)
    person(draw, rng, W / 2 + 60, 560, 1.3, shirt=WHITE)
    crowd(
        draw,
        rng,
        740,
        H + 40,
        opts.get("people", 16),
        size=(1.7, 2.2),
        hat=opts.get("hat"),
        shirt=opts.get("shirt"),
        back=True,
    )


def scene_paddy(img, draw, rng, opts):
    """Rice paddies with farmers in conical hats."""
    horizon = 420
    sky(draw, rng, horizon)
    if opts.get("sun"):
        sun(draw, W * 0.8, 150)
    tree_line(draw, rng, horizon, height=50)
    palm(draw, rng, 180, horizon + 10, 0.9)
    palm(draw, rng, 1380, horizon + 5, 0.8)
    near, far = opts.get("near", (84, 160, 60)), opts.get("far", (150, 196, 96))
    paddy(draw, rng, horizon + 8, near, far)
    if opts.get("machine"):
        x, y = 980, 760
        draw.rectangle([x, y - 110, x + 240, y], fill=(200, 60, 40))
        draw.rectangle([x + 150, y - 190, x + 240, y - 110], fill=(60, 80, 100))
        draw.rectangle([x - 90, y - 60, x, y - 10], fill=(150, 150, 150))
        for wx in (x + 40, x + 190):
            draw.ellipse([wx - 38, y - 38, wx + 38, y + 38], fill=(40, 40, 40))
    crowd(draw, rng, 620, H - 20, opts.get("people", 7), size=(1.3, 1.8), hat="non", trousers=(60, 60, 60))


def scene_house(img, draw, rng, opts):
    """A new house handed over: house, ribbon, people in front."""
    horizon = 560
    sky(draw, rng, horizon)
    tree_line(draw, rng, horizon, height=80)
    draw.rectangle([0, horizon, W, H], fill=(150, 170, 100))
    for x in (160, 1450):
        tree(draw, rng, x, horizon + 120, 1.6)
    house(draw, rng, 440, 860, 720, 300)
    draw.rectangle([380, 860, 1220, 900], fill=(200, 190, 170))
    draw.rectangle([560, 540, 1040, 600], fill=RED)  # "Nhà Đại đoàn kết" plaque
    banner(draw, rng, (570, 545, 1030, 595), lines=1)
    crowd(draw, rng, 940, H - 20, opts.get("people", 12), size=(1.5, 1.9))


def scene_road(img, draw, rng, opts):
    """A country road between trees and fields, with people working on it."""
    horizon = 460
    sky(draw, rng, horizon)
    tree_line(draw, rng, horizon, height=50)
    gradient(draw, (150, 190, 100), (90, 150, 60), horizon, H)
    vx = W * 0.52
    draw.polygon(
        [(vx - 12, horizon), (vx + 12, horizon), (W * 0.85, H), (W * 0.15, H)],
        fill=opts.get("road", (196, 196, 190)),
    )
    for i in range(8):
        t = (i / 8) ** 1.6
        y = horizon + (H - horizon) * t
        draw.line([(vx, y), (vx, y + 10 + 50 * t)], fill=WHITE, width=max(2, int(12 * t)))
    for i in range(7):
        t = (i + 1) / 8
        y = horizon + (H - horizon) * t * t
        s = 0.3 + 1.6 * t * t
        tree(draw, rng, vx - 40 - (W * 0.42) * t * t - 40 * s, y, s)
        tree(draw, rng, vx + 40 + (W * 0.42) * t * t + 40 * s, y, s)
    crowd(
        draw,
        rng,
        700,
        H - 30,
        opts.get("people", 10),
        size=(1.2, 1.6),
        shirt=opts.get("shirt"),
        hat=opts.get("hat"),
    )


def scene_office(img, draw, rng, opts):
    """Two-storey office with a flag pole and a red banner on the front."""
    horizon = 700
    sky(draw, rng, horizon, clouds=1)
    tree_line(draw, rng, horizon, height=60)
    draw.rectangle([0, horizon, W, H], fill=(204, 200, 190))
    building(draw, rng, 300, 860, 1000, opts.get("floors", 2), wall=opts.get("wall", (240, 228, 190)))
    banner(draw, rng, (420, 640, 1180, 700), lines=1)
    flag(draw, 200, 900, pole=480)
    for x in (90, 1500):
        tree(draw, rng, x, 900, 1.5)
    draw.rectangle([0, 860, W, 900], fill=(170, 166, 158))
    crowd(draw, rng, 930, H - 10, opts.get("people", 14), size=(1.3, 1.7), back=opts.get("back", False))


def scene_fire_drill(img, draw, rng, opts):
    """Market hall, red fire truck, a water jet and people in uniform."""
    horizon = 640
    sky(draw, rng, horizon, top=(140, 170, 200), bottom=(214, 220, 226))
    tree_line(draw, rng, horizon, colour=(84, 110, 80), height=60)
    draw.rectangle([0, horizon + 8, W, H], fill=(176, 172, 164))
    building(draw, rng, 180, 880, 820, 1, wall=(214, 200, 170), roof=(120, 120, 130), windows=5)
    draw.rectangle([180, 760, 1000, 880], fill=(96, 80, 70))
    for _ in range(5):  # smoke
        x, y, r = rng.randint(500, 900), rng.randint(420, 560), rng.randint(60, 110)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(150, 150, 156))
    draw.rectangle([0, 880, W, H], fill=(170, 166, 160))
    x, y = 1080, 990  # truck
    draw.rectangle([x, y - 200, x + 380, y], fill=(210, 30, 30))
    draw.rectangle([x + 380, y - 150, x + 500, y], fill=(210, 30, 30))
    draw.rectangle([x + 400, y - 135, x + 480, y - 80], fill=(140, 180, 210))
    draw.rectangle([x + 20, y - 230, x + 360, y - 205], fill=(200, 200, 200))
    for wx in (x + 80, x + 300, x + 440):
        draw.ellipse([wx - 45, y - 45, wx + 45, y + 45], fill=(30, 30, 30))
    draw.line([(1040, 900), (900, 760), (780, 690)], fill=(220, 236, 250), width=16, joint="curve")
    crowd(
        draw,
        rng,
        900,
        H - 20,
        9,
        size=(1.3, 1.7),
        shirt=(196, 120, 40),
        hat="helmet",
        trousers=(196, 120, 40),
    )


def scene_orchard(img, draw, rng, opts):
    """Rows of fruit trees on raised beds, a farmer checking the fruit."""
    horizon = 380
    sky(draw, rng, horizon)
    gradient(draw, (110, 140, 80), (80, 110, 60), horizon, H)
    for row in range(5):
        t = (row + 1) / 5
        y = horizon + (H - horizon) * t * t * 0.95
        s = 0.35 + 1.5 * t * t
        step = 260 * s
        x = rng.uniform(-step / 2, 0)
        while x < W + step:
            tree(draw, rng, x, y, s)
            if opts.get("fruit") and row >= 3:
                for _ in range(4):
                    fx, fy = x + rng.uniform(-40, 40) * s, y - (70 + rng.uniform(0, 40)) * s
                    draw.ellipse([fx - 9 * s, fy - 11 * s, fx + 9 * s, fy + 11 * s], fill=(150, 160, 60))
            x += step
    person(draw, rng, 700, H - 40, 2.2, hat="non", shirt=(70, 110, 170))
    person(draw, rng, 880, H - 60, 2.0, hat="cap", shirt=WHITE)


def scene_school(img, draw, rng, opts):
    """School yard on opening day: building, flag, pupils in white and blue."""
    horizon = 640
    sky(draw, rng, horizon, clouds=1)
    tree_line(draw, rng, horizon, height=70)
    draw.rectangle([0, horizon + 8, W, H], fill=(200, 190, 170))
    building(draw, rng, 260, 780, 1080, 3, wall=(250, 226, 150), roof=(190, 80, 60), windows=8)
    banner(draw, rng, (460, 390, 1140, 450), lines=1)
    draw.rectangle([0, 780, W, H], fill=(200, 190, 170))
    flag(draw, 140, 900, pole=520)
    for x in (60, 1540):
        tree(draw, rng, x, 860, 1.7)
    crowd(draw, rng, 860, H - 10, 18, size=(1.2, 1.5), shirt=WHITE, trousers=(40, 60, 120), back=True)


SCENES = {
    "hall": scene_hall,
    "outdoor_stage": scene_outdoor_stage,
    "paddy": scene_paddy,
    "house": scene_house,
    "road": scene_road,
    "office": scene_office,
    "fire_drill": scene_fire_drill,
    "orchard": scene_orchard,
    "school": scene_school,
}

# (path under content/, scene, seed, options). Exactly the images the articles use.
IMAGES = [
    ("images/2024/hoi-nghi-tong-ket.jpg", "hall", 2401, {}),
    ("images/2024/giao-nhan-quan.jpg", "outdoor_stage", 2402, {"people": 10}),
    ("images/2024/nha-dai-doan-ket.jpg", "house", 2403, {}),
    ("images/2024/phu-nu-moi-truong.jpg", "road", 2404, {"people": 8, "shirt": (70, 110, 170), "hat": "non"}),
    ("images/2024/tap-huan-lua.jpg", "paddy", 2405, {"people": 8}),
    (
        "images/2024/thu-hoach-lua.jpg",
        "paddy",
        2406,
        {"near": (200, 160, 50), "far": (222, 196, 96), "machine": True, "people": 4, "sun": True},
    ),
    ("images/2025/tru-so-ubnd.jpg", "office", 2501, {"people": 10}),
    ("images/2025/so-ket.jpg", "hall", 2502, {}),
    ("images/2025/giao-nhan-quan.jpg", "outdoor_stage", 2503, {"people": 14, "ground": (196, 180, 150)}),
    ("images/2025/duong-nong-thon.jpg", "road", 2504, {"road": (210, 206, 196), "people": 8, "hat": "cap"}),
    ("images/2025/dien-tap-pccc.jpg", "fire_drill", 2505, {}),
    ("images/2025/vuon-sau-rieng.jpg", "orchard", 2506, {"fruit": True}),
    (
        "images/2026/bau-cu.jpg",
        "office",
        2601,
        {"floors": 1, "wall": (236, 236, 226), "people": 12, "back": True},
    ),
    ("images/2026/chuyen-doi-so.jpg", "office", 2602, {"floors": 2, "wall": (226, 236, 244), "people": 10}),
    ("images/2026/khai-giang.jpg", "school", 2605, {}),
    ("images/2026/ngay-hoi.jpg", "outdoor_stage", 2606, {"people": 16, "hat": "non"}),
]


def render(scene, seed, opts):
    rng = random.Random(seed)
    img = Image.new("RGB", (W, H), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    SCENES[scene](img, draw, rng, opts)
    img = img.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    return img.filter(ImageFilter.GaussianBlur(1.0))  # softer, more photo-like; smaller files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list the files without writing them")
    parser.add_argument("--out", type=Path, default=OUT, help="content folder (default: content/)")
    args = parser.parse_args(argv)
    total = 0
    for rel, scene, seed, opts in IMAGES:
        target = args.out / rel
        if args.check:
            print(rel)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        render(scene, seed, opts).save(target, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        size = target.stat().st_size
        total += size
        print(f"{rel}  {size / 1024:.1f} KB")
    if not args.check:
        print(f"{len(IMAGES)} images, {total / 1024:.1f} KB in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
