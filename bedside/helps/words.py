"""Small wording helpers shared by the page, tonight's list and the write-ups."""

from __future__ import annotations


def lower_first(text: str) -> str:
    """Catalogue labels start with a capital; mid-sentence they should not ("a massage gun").

    Names in capitals ("PT visit") are left alone.
    """
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
