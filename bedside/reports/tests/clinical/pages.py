"""Checks that nothing in a report is drawn outside the page's left and right margins.

Two independent views: the pictures (``pdftoppm`` page images, where any ink past the margin
is a visible overflow) and WeasyPrint's own layout (no box reaches past the page area).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from weasyprint import Document
from weasyprint.formatting_structure import boxes

MM_PER_INCH = 25.4
PRINT_MARGIN_MM = 15  # left and right margins of clinical-print.css
WHITE = 245  # a pixel lighter than this on every channel counts as paper


def page_images(pdf: bytes, dpi: int = 50) -> list[Image.Image]:
    """Every page as an RGB image (``pdftoppm -r DPI -png``)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(folder) / "page")],
            check=True,
            capture_output=True,
        )
        images = []
        for path in sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem[5:])):
            with Image.open(path) as image:
                images.append(image.convert("RGB"))
        return images


def ink_columns(image: Image.Image) -> tuple[int, int] | None:
    """The leftmost and rightmost pixel columns with any ink, or None for a blank page."""
    grey = image.convert("L").point(lambda v: 255 if v < WHITE else 0)
    found = grey.getbbox()
    return None if found is None else (found[0], found[2] - 1)


def ink_outside_margins(
    pdf: bytes, *, dpi: int = 50, margin_mm: float = PRINT_MARGIN_MM, slack_px: int = 2
) -> list[str]:
    """A line per page whose ink starts left of the left margin or ends right of the right one."""
    problems = []
    margin = margin_mm / MM_PER_INCH * dpi
    for number, image in enumerate(page_images(pdf, dpi), start=1):
        columns = ink_columns(image)
        if columns is None:
            continue
        left, right = columns
        if left < margin - slack_px or right > image.width - margin + slack_px:
            problems.append(
                f"page {number}: ink from column {left} to {right}; the margins allow "
                f"{margin:.0f} to {image.width - margin:.0f} of {image.width}"
            )
    return problems


def boxes_outside_page_area(document: Document, tolerance: float = 0.5) -> list[str]:
    """Boxes (in CSS px) whose border box reaches past the page area's left or right edge.

    The running header and footer live in margin boxes, which sit above and below the page
    area but within its left and right edges, so they are checked the same way.
    """
    problems = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        for box in page_box.descendants():
            if isinstance(box, boxes.PageBox):
                continue
            x = box.border_box_x()
            width = box.border_width()
            if x < left - tolerance or x + width > right + tolerance:
                text = getattr(box, "text", "") or type(box).__name__
                problems.append(
                    f"page {number}: {type(box).__name__} {text[:40]!r} spans {x:.1f}–"
                    f"{x + width:.1f}, page area {left:.1f}–{right:.1f}"
                )
    return problems
