"""Demo pictures drawn with Pillow: a few kinds of scene, each varied by its seed.

No photo is shipped with the demo; these stand in for them, each credited as an
illustration. A scene is painted in layers (sky, land or water, shapes), softened by
blurring the far layers, with film grain on top so it reads as a picture, not a chart.
"""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from images.models import Licence
from images.services import add_image

# Palettes of (sky top, sky bottom, far, near, light), by mood.
PALETTES = [
    ((24, 36, 72), (233, 140, 90), (70, 58, 90), (22, 20, 36), (255, 214, 140)),  # dusk
    ((86, 140, 200), (198, 222, 240), (110, 130, 120), (48, 66, 58), (255, 246, 220)),  # day
    ((10, 16, 40), (40, 54, 100), (26, 32, 62), (8, 10, 22), (255, 200, 110)),  # night
    ((140, 150, 160), (214, 212, 204), (120, 118, 112), (62, 60, 58), (250, 250, 240)),  # overcast
    ((40, 70, 120), (250, 200, 120), (150, 90, 70), (60, 36, 34), (255, 236, 170)),  # sunrise
]
SCENES = ("skyline", "fields", "harbour", "lights", "hills", "shapes")


def _mix(a, b, t):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _sky(size, top, bottom):
    width, height = size
    sky = Image.new("RGB", size)
    draw = ImageDraw.Draw(sky)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / height))
    return sky


def _skyline(image, rng, palette):
    width, height = image.size
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.7))
    for layer, tone in enumerate((palette[2], palette[3])):
        x = -rng.randint(0, 60)
        while x < width:
            w = rng.randint(50, 150)
            top = horizon - rng.randint(60, 320) + layer * 90
            draw.rectangle([x, top, x + w, height], fill=tone)
            if layer and rng.random() < 0.8:  # lit windows on the near blocks
                for wx in range(x + 10, x + w - 12, 18):
                    for wy in range(top + 12, height - 20, 26):
                        if rng.random() < 0.3:
                            draw.rectangle([wx, wy, wx + 7, wy + 11], fill=palette[4])
            x += w + rng.randint(0, 14)
        if not layer:
            image.paste(image.filter(ImageFilter.GaussianBlur(3)))


def _fields(image, rng, palette):
    width, height = image.size
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.45, 0.6))
    field = rng.choice([(214, 176, 60), (120, 150, 60), (190, 150, 80)])
    draw.rectangle([0, horizon, width, height], fill=field)
    vanish = rng.randint(width // 4, 3 * width // 4)
    for x in range(-width, 2 * width, 70):  # furrows running to the horizon
        draw.line([(vanish, horizon), (x, height)], fill=_mix(field, (60, 50, 20), 0.35), width=6)
    for _ in range(rng.randint(2, 5)):  # tree lines
        x = rng.randint(0, width)
        draw.ellipse([x - 160, horizon - 40, x + 160, horizon + 12], fill=palette[3])
    clouds = Image.new("L", image.size, 0)
    cloud_draw = ImageDraw.Draw(clouds)
    for _ in range(rng.randint(4, 9)):
        x, y = rng.randint(0, width), rng.randint(20, horizon - 120)
        cloud_draw.ellipse([x - 220, y - 40, x + 220, y + 50], fill=rng.randint(110, 200))
    clouds = clouds.filter(ImageFilter.GaussianBlur(30))
    image.paste(Image.new("RGB", image.size, (250, 250, 250)), mask=clouds)


def _harbour(image, rng, palette):
    width, height = image.size
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.65))
    sea = _mix(palette[1], (20, 50, 80), 0.6)
    for y in range(horizon, height):
        draw.line([(0, y), (width, y)], fill=_mix(sea, (10, 24, 40), (y - horizon) / height))
    for y in range(horizon + 8, height, 14):  # light on the waves
        for _ in range(6):
            x = rng.randint(0, width)
            draw.line([(x, y), (x + rng.randint(20, 90), y)], fill=_mix(sea, palette[4], 0.35))
    for _ in range(rng.randint(2, 4)):  # cranes
        x = rng.randint(100, width - 200)
        top = horizon - rng.randint(200, 330)
        draw.rectangle([x, top, x + 16, horizon], fill=palette[3])
        draw.rectangle([x - 120, top, x + 260, top + 14], fill=palette[3])
        draw.line([(x + 8, top - 60), (x - 110, top)], fill=palette[3], width=5)
        draw.line([(x + 8, top - 60), (x + 250, top)], fill=palette[3], width=5)
    draw.rectangle([0, horizon - 26, width, horizon], fill=palette[3])  # the quay


def _lights(image, rng, palette):
    width, height = image.size
    glow = Image.new("RGB", image.size, (0, 0, 0))
    draw = ImageDraw.Draw(glow)
    for _ in range(rng.randint(40, 80)):
        x, y = rng.randint(0, width), rng.randint(height // 4, height)
        r = rng.randint(14, 70)
        draw.ellipse(
            [x - r, y - r, x + r, y + r],
            fill=_mix(palette[4], rng.choice(PALETTES)[1], rng.random() * 0.6),
        )
    glow = glow.filter(ImageFilter.GaussianBlur(18))
    image.paste(ImageChops.screen(image, glow))


def _hills(image, rng, palette):
    width, height = image.size
    draw = ImageDraw.Draw(image)
    for layer in range(4):
        tone = _mix(palette[2], palette[3], layer / 3)
        base = int(height * (0.5 + layer * 0.12))
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base - rng.randint(0, 120 - layer * 20)))
        points.append((width, height))
        draw.polygon(points, fill=tone)
        if layer == 0:
            image.paste(image.filter(ImageFilter.GaussianBlur(4)))
    sun = rng.randint(200, width - 200), rng.randint(80, height // 3)
    halo = Image.new("L", image.size, 0)
    ImageDraw.Draw(halo).ellipse([sun[0] - 60, sun[1] - 60, sun[0] + 60, sun[1] + 60], fill=220)
    halo = halo.filter(ImageFilter.GaussianBlur(25))
    image.paste(Image.new("RGB", image.size, palette[4]), mask=halo)


def _shapes(image, rng, palette):
    """An editorial graphic, for opinion and analysis: large overlapping forms."""
    width, height = image.size
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(rng.randint(5, 9)):
        colour = (*rng.choice(palette), rng.randint(90, 170))
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(120, 420)
        if rng.random() < 0.5:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        else:
            draw.rectangle([x - r, y - r // 2, x + r, y + r // 2], fill=colour)
    image.paste(Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB"))


# What each scene shows, for its alt text.
DESCRIPTIONS = {
    "skyline": "tower blocks with lit windows against the sky",
    "fields": "a wide field running to a line of trees under clouds",
    "harbour": "port cranes over the water at a quay",
    "lights": "blurred city lights at night",
    "hills": "layers of hills under a low sun",
    "shapes": "overlapping circles and blocks of colour",
}

PAINTERS = {
    "skyline": _skyline,
    "fields": _fields,
    "harbour": _harbour,
    "lights": _lights,
    "hills": _hills,
    "shapes": _shapes,
}


def scene_picture(seed: int, *, scene: str = "", size=(1600, 900)) -> ContentFile:
    """A JPEG of one scene (SCENES; by default one chosen by the seed), different per seed."""
    rng = random.Random(seed)
    scene = scene or SCENES[seed % len(SCENES)]
    palette = PALETTES[rng.randrange(len(PALETTES))] if scene != "lights" else PALETTES[2]
    image = _sky(size, palette[0], palette[1])
    PAINTERS[scene](image, rng, palette)
    grain = Image.effect_noise(size, 18).convert("RGB")
    image = Image.blend(image, ImageChops.overlay(image, grain), 0.25)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=f"demo-{scene}-{seed}.jpg")


def portrait(seed: int, *, colour: tuple[int, int, int], size=(400, 400)) -> ContentFile:
    """A JPEG portrait placeholder: a head-and-shoulders silhouette on the author's colour."""
    width, height = size
    image = _sky(size, _mix(colour, (255, 255, 255), 0.35), colour)
    draw = ImageDraw.Draw(image)
    figure = _mix(colour, (10, 10, 20), 0.65)
    draw.ellipse([width * 0.33, height * 0.18, width * 0.67, height * 0.56], fill=figure)
    draw.ellipse([width * 0.12, height * 0.6, width * 0.88, height * 1.3], fill=figure)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"portrait-{seed}.jpg")


def library_image(seed: int, *, scene: str, caption: str = ""):
    """A generated scene in the media library, credited and licensed as the newsroom's own."""
    image, _created = add_image(
        scene_picture(seed, scene=scene),
        title=f"Illustration: {scene} ({seed})",
        # The alt text says what the illustration shows, not what a photo would.
        alt_text=f"Illustration: {DESCRIPTIONS[scene]}",
        caption=caption,
        # A name, as an agency's credit is: one library image credits both editions' pages.
        credit="The Kyiv Ledger",
        source="The Kyiv Ledger",
        copyright_notice="© The Kyiv Ledger",
        licence=Licence.STAFF,
    )
    return image


def library_portrait(seed: int, *, name: str, colour: tuple[int, int, int]):
    """An author's portrait placeholder in the media library, as the desk would add it."""
    image, _created = add_image(
        portrait(seed, colour=colour),
        title=f"Portrait: {name}",
        alt_text=f"Portrait of {name}",
        credit="The Kyiv Ledger",
        source="The Kyiv Ledger",
        copyright_notice="© The Kyiv Ledger",
        licence=Licence.STAFF,
    )
    return image
