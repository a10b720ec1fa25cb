"""Draw the demo images with Pillow: no downloads, no text, the same bytes on
every run.

Hero images are 1200x675 (16:9, the largest rendition the article template
asks for) so every rendition is a downscale. Soft gradients with a few flat
shapes compress well, which keeps each JPEG small.
"""

import math
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

HERO_SIZE = (1200, 675)
PORTRAIT_SIZE = (256, 256)
JPEG_QUALITY = 82


def hero_jpeg(top, bottom, motif):
    """A 1200x675 JPEG: a vertical gradient from `top` to `bottom` (RGB
    tuples) with a motif drawn over it (a key of `MOTIFS`)."""
    image = gradient(HERO_SIZE, top, bottom)
    overlay = Image.new("RGBA", HERO_SIZE, (0, 0, 0, 0))
    MOTIFS[motif](ImageDraw.Draw(overlay), HERO_SIZE)
    # A slight blur hides hard edges, which JPEG would otherwise fringe.
    overlay = overlay.filter(ImageFilter.GaussianBlur(1.5))
    image.paste(overlay, (0, 0), overlay)
    return to_jpeg(image)


def portrait_jpeg(background=(214, 228, 236), clothing=(38, 84, 124)):
    """A 256x256 head-and-shoulders silhouette for the author's photo."""
    image = gradient(PORTRAIT_SIZE, background, _shade(background, 0.8))
    draw = ImageDraw.Draw(image)
    skin = (224, 180, 150)
    draw.ellipse((40, 178, 216, 330), fill=clothing)  # shoulders
    draw.rectangle((110, 140, 146, 190), fill=_shade(skin, 0.9))  # neck
    draw.ellipse((82, 48, 174, 160), fill=skin)  # face
    draw.chord((78, 38, 178, 120), 180, 360, fill=(70, 52, 40))  # hair
    return to_jpeg(image.filter(ImageFilter.SMOOTH))


def gradient(size, top, bottom):
    """An RGB image fading from `top` to `bottom`."""
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(
        Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask
    )


def to_jpeg(image):
    """Encode as an optimised progressive JPEG and return the bytes."""
    buffer = BytesIO()
    image.convert("RGB").save(
        buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True
    )
    return buffer.getvalue()


def _track(draw, size):
    """Running-track lanes curving across the lower half."""
    width, height = size
    for lane in range(6):
        inset = lane * 46
        box = (
            -width // 2 + inset,
            height // 2 + inset,
            width * 3 // 2 - inset,
            height * 2 - inset,
        )
        draw.arc(box, 180, 360, fill=(255, 255, 255, 150), width=6)


def _hills(draw, size):
    """Three layers of rolling hills, lighter towards the horizon."""
    width, height = size
    for layer, alpha in enumerate((70, 110, 160)):
        base = height * (0.55 + layer * 0.13)
        points = [(0, height)]
        for x in range(0, width + 1, 40):
            wave = math.sin(x / (170 + layer * 60) + layer * 1.7)
            points.append((x, base + wave * (40 - layer * 8)))
        points.append((width, height))
        draw.polygon(points, fill=(20, 40, 30, alpha))


def _rings(draw, size):
    """Overlapping translucent circles, like a stylised joint diagram."""
    width, height = size
    centres = ((0.30, 0.45, 230), (0.58, 0.55, 170), (0.78, 0.35, 120))
    for x, y, radius in centres:
        cx, cy = width * x, height * y
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=(255, 255, 255, 60),
            outline=(255, 255, 255, 170),
            width=5,
        )


def _stripes(draw, size):
    """Diagonal bands of varying width, like strides across the frame."""
    width, height = size
    for index, band in enumerate((90, 40, 140, 60, 110)):
        left = index * 260 - 200
        shear = height * 0.6
        draw.polygon(
            [
                (left, height),
                (left + band, height),
                (left + band + shear, 0),
                (left + shear, 0),
            ],
            fill=(255, 255, 255, 40 + index * 15),
        )


MOTIFS = {"track": _track, "hills": _hills, "rings": _rings, "stripes": _stripes}


def _shade(colour, factor):
    return tuple(round(channel * factor) for channel in colour)
