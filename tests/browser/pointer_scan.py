"""Static scan of templates, stylesheets, scripts and form code (ACCESSIBILITY.md T8, CSP).

Dwell clicking clicks whatever appears under the pointer, so nothing may be revealed or
triggered by hovering; drags, sliders, double-clicks, long presses and automatic refreshes are
out too. The scan reads the source files, so it also covers pages no browser test visits.

``bedside.js`` may listen to pointer movement inside its dwell code, which it marks with
``dwell:begin`` and ``dwell:end`` comments. htmx is vendored and not ours to scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", ".git", "staticfiles", "var", "__pycache__", "htmlcov"}
VENDORED = {"htmx.min.js", "htmx.js"}

# A :hover (or :focus-within used as hover) rule that changes whether something is shown.
REVEAL_PROPERTIES = ("display", "visibility", "opacity", "max-height", "clip", "clip-path")

TEMPLATE_RULES = [
    (re.compile(r"\bdraggable\s*=\s*(?![\"']?false)", re.I), "T8 draggable element"),
    (re.compile(r"type\s*=\s*[\"']?range\b", re.I), "T8 slider (input type=range)"),
    (re.compile(r"\bon(dbl)?click\s*=|\bon\w+\s*=\s*[\"']", re.I), "CSP inline event handler"),
    (re.compile(r"dblclick|contextmenu", re.I), "T8 double-click or long-press trigger"),
    (
        re.compile(r"hx-trigger\s*=\s*[\"'][^\"']*\b(mouse|pointer)(over|enter|move)", re.I),
        "T8 hover-triggered action",
    ),
    (re.compile(r"http-equiv\s*=\s*[\"']?refresh", re.I), "T8 automatic refresh"),
    (re.compile(r"\bhx-on\b|\bhx-on[:-]", re.I), "CSP hx-on (inline script)"),
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "CSP inline script"),
    (re.compile(r"<style\b", re.I), "CSP inline style element"),
    (re.compile(r"\sstyle\s*=\s*[\"']", re.I), "CSP style attribute"),
]

SCRIPT_RULES = [
    (re.compile(r"\b(dblclick|contextmenu|dragstart|dragover|drop)\b"), "T8 drag or double-click"),
    (
        re.compile(r"\b(mouseover|mouseenter|mousemove|pointerover|pointerenter|pointermove)\b"),
        "T8 hover-triggered action outside the dwell code",
    ),
    (re.compile(r"\bdraggable\b"), "T8 draggable element"),
    (re.compile(r"[\"']range[\"']"), "T8 slider (input type=range)"),
    (re.compile(r"location\.reload|http-equiv"), "T8 automatic refresh"),
]

PYTHON_RULES = [
    (re.compile(r"input_type\s*=\s*[\"']range[\"']"), "T8 slider widget (input type=range)"),
    (re.compile(r"[\"']type[\"']\s*:\s*[\"']range[\"']"), "T8 slider widget (input type=range)"),
    (re.compile(r"[\"']draggable[\"']\s*:"), "T8 draggable widget"),
]


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.rule}: {self.text.strip()[:100]}"


def files(suffixes: tuple[str, ...], *, under: Path = ROOT) -> Iterator[Path]:
    """Our own files with these suffixes (no virtualenv, vendored htmx or collected static)."""
    for path in sorted(under.rglob("*")):
        if path.suffix not in suffixes or not path.is_file() or path.name in VENDORED:
            continue
        if SKIP_DIRS.intersection(p.name for p in path.relative_to(ROOT).parents):
            continue
        yield path


def template_files() -> Iterator[Path]:
    for path in files((".html", ".svg", ".txt", ".xml")):
        if "templates" in path.relative_to(ROOT).parts:
            yield path


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _scan(path: Path, text: str, rules: list[tuple[re.Pattern[str], str]]) -> list[Finding]:
    found = []
    for pattern, rule in rules:
        for match in pattern.finditer(text):
            line = _line_of(text, match.start())
            found.append(Finding(path, line, rule, text.splitlines()[line - 1]))
    return sorted(found, key=lambda f: f.line)


def scan_template(path: Path, text: str) -> list[Finding]:
    # Django comments may mention forbidden things ("no hx-on here"); they never reach a browser.
    text = re.sub(r"\{#.*?#\}", lambda m: " " * len(m.group()), text)
    text = re.sub(
        r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}",
        lambda m: re.sub(r"[^\n]", " ", m.group()),
        text,
        flags=re.S,
    )
    return _scan(path, text, TEMPLATE_RULES)


def _blank_comments(text: str) -> str:
    """Replace /* … */ comments by spaces, keeping line numbers."""
    return re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), text, flags=re.S)


def scan_css(path: Path, text: str) -> list[Finding]:
    """Rules whose selector has :hover and whose declarations show or hide something."""
    text = _blank_comments(text)
    found = []
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}", text):
        selector, body = match.group(1), match.group(2)
        if ":hover" not in selector:
            continue
        props = {d.split(":", 1)[0].strip().lower() for d in body.split(";") if ":" in d}
        shown = sorted(props.intersection(REVEAL_PROPERTIES))
        if shown:
            line = _line_of(text, match.start(1) + len(selector) - len(selector.lstrip()))
            rule = f"T8 hover reveals content ({', '.join(shown)})"
            found.append(Finding(path, line, rule, selector.strip()))
    return found


def scan_script(path: Path, text: str) -> list[Finding]:
    text = _blank_comments_keeping_markers(text)
    # The dwell code is the one place allowed to watch the pointer.
    text = re.sub(
        r"dwell:begin.*?dwell:end",
        lambda m: re.sub(r"[^\n]", " ", m.group()),
        text,
        flags=re.S,
    )
    return _scan(path, text, SCRIPT_RULES)


def _blank_comments_keeping_markers(text: str) -> str:
    def blank(match: re.Match[str]) -> str:
        comment = match.group()
        marker = re.search(r"dwell:(begin|end)", comment)
        spaced = re.sub(r"[^\n]", " ", comment)
        return spaced if not marker else marker.group() + spaced[len(marker.group()) :]

    text = re.sub(r"/\*.*?\*/", blank, text, flags=re.S)
    return re.sub(r"//[^\n]*", blank, text)


def scan_python(path: Path, text: str) -> list[Finding]:
    return _scan(path, text, PYTHON_RULES)


def scan_all() -> list[Finding]:
    """Every finding in the repository's templates, CSS, JavaScript and Python form code."""
    found: list[Finding] = []
    for path in template_files():
        found += scan_template(path, path.read_text(encoding="utf-8"))
    for path in files((".css",)):
        found += scan_css(path, path.read_text(encoding="utf-8"))
    for path in files((".js", ".mjs")):
        found += scan_script(path, path.read_text(encoding="utf-8"))
    for path in files((".py",), under=ROOT / "bedside"):
        if "tests" not in path.relative_to(ROOT).parts:
            found += scan_python(path, path.read_text(encoding="utf-8"))
    return found
