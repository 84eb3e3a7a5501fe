"""Accessibility checks run in a real browser page (ACCESSIBILITY.md T1–T3, T5, T7, T10).

Each helper takes a Playwright sync ``Page`` already showing the page to check and returns the
problems it found as readable strings (an empty list means the page passes), so a test can say
``assert not target_size_problems(page)`` and print every problem at once when it fails.

- :func:`axe_violations` — axe-core with WCAG 2.0/2.1/2.2 A and AA rules (target size included).
- :func:`target_size_problems` — T1 answer tiles ≥ 80×80 px; T2 other controls ≥ 48×48 px and
  ≥ 8 px from their neighbours. Inline links inside a sentence are exempt, as WCAG 2.5.8 allows
  ("the target is in a sentence"); :func:`interactive_targets` reports them as ``inline``.
- :func:`tab_order` — T7: presses Tab until focus wraps; reports unreachable controls, stops out
  of reading order, traps, and the focus indicator at every stop (≥ 2 px, ≥ 3:1).
- :func:`keystrokes_to` — T7: keystrokes from page load to a control through the skip link.
- :func:`fitts_bits` — T5: Fitts' index of difficulty ``log2(D/W + 1)`` of a pointer path.
- :func:`horizontal_overflow` — T10: horizontal scrolling at 320 CSS px.
- :func:`small_text` — T10: text below 18 px (patient pages).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TILE_MIN = 80  # T1
TARGET_MIN = 48  # T2
TARGET_FLOOR = 44  # T2: never under this, even where 48 is impossible
TARGET_GAP = 8  # T2
FOCUS_MIN_WIDTH = 2.0  # WCAG 2.4.13
FOCUS_MIN_CONTRAST = 3.0


def axe_results(page: Page, *, context: str | None = None) -> dict[str, Any]:
    """Run axe-core on the page (or on the ``context`` selector) with Bedside's rule set.

    axe is injected once per page load (parsing it costs more than a run), so checking the
    same page in light and then dark mode pays for it once.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(  # type: ignore[no-any-return]
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )


def axe_violations(page: Page, *, context: str | None = None) -> list[str]:
    """axe-core violations as ``rule (impact): selector — message`` lines.

    Fails loudly if axe did not run the ``target-size`` rule (WCAG 2.5.8, tag ``wcag22aa``):
    a harness that silently skipped it would report nothing wrong with tiny buttons.
    """
    response = axe_results(page, context=context)
    ran = {
        rule["id"]
        for kind in ("violations", "passes", "incomplete", "inapplicable")
        for rule in response.get(kind, [])
    }
    if "target-size" not in ran:
        raise AssertionError("axe-core did not run the target-size rule; check AXE_TAGS")
    problems = []
    for rule in response["violations"]:
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            problems.append(f"{rule['id']} ({rule['impact']}): {target} — {summary}")
    return problems


# --- interactive elements and their boxes -----------------------------------------------------

# Collects every visible interactive element with the box a pointer can hit. A checkbox or radio
# counts with its label (clicking the label activates it; answer tiles are usually labels).
_TARGETS_JS = """
(tileSelector) => {
  const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[tabindex]:not([tabindex="-1"]), [role=button], [role=link], [role=checkbox], ' +
    '[role=radio], [role=switch], [role=tab], [role=menuitem], [role=option], ' +
    '[contenteditable=""], [contenteditable=true]';
  const visible = (el) => {
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;            // visually hidden
    if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) return false;  // off-screen (skip link)
    return true;
  };
  const name = (el) => (el.getAttribute('aria-label') || el.innerText || el.value ||
    el.getAttribute('name') || el.id || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList.length) s += '.' + [...el.classList].join('.');
    if (el.type && el.tagName === 'INPUT') s += '[type=' + el.type + ']';
    return s + ' "' + name(el) + '"';
  };
  // WCAG 2.5.8 inline exception: a link in a sentence, sized by the line height of the text.
  const inline = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.parentElement;
    const text = [...block.childNodes].filter((n) => n !== el)
      .map((n) => n.textContent).join('').trim();
    return text.length > 0;
  };
  const seen = new Set();
  const out = [];
  for (const el of document.querySelectorAll(SEL)) {
    if (el.disabled) continue;
    let box = el;
    if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
      for (const label of el.labels || []) {
        if (!visible(box) || (visible(label) && label.contains(el))) box = label;
        else if (visible(label)) {
          const a = box.getBoundingClientRect(), b = label.getBoundingClientRect();
          if (b.width * b.height > a.width * a.height) box = label;
        }
      }
    }
    if (seen.has(box) || !visible(box)) continue;
    seen.add(box);
    const r = box.getBoundingClientRect();
    out.push({
      what: describe(el),
      x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height,
      tile: !!(tileSelector && (box.matches(tileSelector) || el.matches(tileSelector))),
      inline: inline(box),
      index: out.length,
      contains: [],
      _el: box,
    });
  }
  // Nested targets (a button inside a summary) are not each other's neighbours.
  for (const a of out) for (const b of out)
    if (a !== b && a._el.contains(b._el)) a.contains.push(b.index);
  return out.map(({_el, ...rest}) => rest);
}
"""


@dataclass(frozen=True)
class Target:
    what: str
    x: float
    y: float
    width: float
    height: float
    tile: bool = False
    inline: bool = False
    index: int = 0
    contains: tuple[int, ...] = ()

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def gap(self, other: Target) -> float:
        """Shortest distance between the two boxes (0 when they touch or overlap)."""
        dx = max(other.x - (self.x + self.width), self.x - (other.x + other.width), 0.0)
        dy = max(other.y - (self.y + self.height), self.y - (other.y + other.height), 0.0)
        return math.hypot(dx, dy)


def interactive_targets(page: Page, tile_selector: str | None = ".tile") -> list[Target]:
    """Every visible interactive element with the box a pointer can hit (page coordinates)."""
    rows = page.evaluate(_TARGETS_JS, tile_selector)
    return [Target(**{**row, "contains": tuple(row["contains"])}) for row in rows]


def target_size_problems(page: Page, tile_selector: str | None = ".tile") -> list[str]:
    """T1 and T2: answer tiles ≥ 80×80; other controls ≥ 48×48 and ≥ 8 px from neighbours.

    Sizes are rounded to 0.5 px (sub-pixel layout). Links inside a sentence are exempt (WCAG
    2.5.8's inline exception); everything else counts, including form fields.
    """
    targets = interactive_targets(page, tile_selector)
    problems = []
    for t in targets:
        if t.inline:
            continue
        least = TILE_MIN if t.tile else TARGET_MIN
        w, h = round(t.width * 2) / 2, round(t.height * 2) / 2
        if w < least or h < least:
            rule = "T1 answer tile" if t.tile else "T2 control"
            floor = " (under the 44 px floor)" if min(w, h) < TARGET_FLOOR else ""
            problems.append(f"{rule} {t.what} is {w:g}×{h:g} px, needs ≥ {least}{floor}")
    checked = [t for t in targets if not t.inline]
    for i, a in enumerate(checked):
        for b in checked[i + 1 :]:
            if b.index in a.contains or a.index in b.contains:
                continue
            gap = a.gap(b)
            if gap < TARGET_GAP - 0.5:
                problems.append(f"T2 spacing: {a.what} and {b.what} are {gap:.1f} px apart")
    return problems


# --- Fitts' law (T5) --------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # x, y, width, height


def fitts_bits(points: Sequence[Box | tuple[float, float]]) -> list[float]:
    """Index of difficulty, in bits, of each movement along a pointer path.

    ``points`` is the path in order: the first entry is where the pointer starts (a box, or a
    bare ``(x, y)`` point), each following entry a target box ``(x, y, width, height)``. A
    movement to a target costs ``log2(D / W + 1)`` (Shannon formulation, ISO 9241-411), with D
    the distance between centres and W the target's smaller side (MacKenzie and Buxton's
    SMALLER-OF model for two-dimensional targets — conservative for long, thin buttons).

    >>> fitts_bits([(0, 0), (300, 0, 100, 100)])  # D = 350 from the origin to the centre
    [2.169925001442312]
    """

    def centre(p: Box | tuple[float, float]) -> tuple[float, float]:
        if len(p) == 2:
            return (float(p[0]), float(p[1]))
        x, y, w, h = p  # type: ignore[misc]
        return (x + w / 2, y + h / 2)

    bits = []
    for start, target in zip(points, points[1:], strict=False):
        if len(target) != 4:
            raise ValueError("every point after the first must be a target box (x, y, w, h)")
        (x0, y0), (x1, y1) = centre(start), centre(target)
        width = min(target[2], target[3])  # type: ignore[misc]
        if width <= 0:
            raise ValueError(f"target {target} has no size")
        bits.append(math.log2(math.hypot(x1 - x0, y1 - y0) / width + 1))
    return bits


def box_of(page: Page, selector: str) -> Box:
    """The page-coordinate box of the first element matching ``selector``."""
    box = page.locator(selector).first.bounding_box()
    if box is None:
        raise AssertionError(f"{selector} is not visible")
    scroll = page.evaluate("[scrollX, scrollY]")
    return (box["x"] + scroll[0], box["y"] + scroll[1], box["width"], box["height"])


# --- keyboard (T7) ----------------------------------------------------------------------------

# A stable id per element for the whole page visit (shared by the two scripts below).
_ID_JS = """
  window.__a11yIds = window.__a11yIds || new WeakMap();
  window.__a11yNext = window.__a11yNext || 0;
  const idOf = (el) => {
    if (!window.__a11yIds.has(el)) window.__a11yIds.set(el, 'e' + (window.__a11yNext++));
    return window.__a11yIds.get(el);
  };
  const nameOf = (el) => (el.getAttribute('aria-label') || el.innerText || el.value ||
    el.name || el.id || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const whatOf = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '') + ' "' + nameOf(el) + '"';
"""

# Describes document.activeElement: its id, its box and its focus indicator.
_FOCUSED_JS = (
    """
() => {"""
    + _ID_JS
    + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const colour = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  let bg = null;
  for (let a = el.parentElement; a && !bg; a = a.parentElement) {
    const c = colour(getComputedStyle(a).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0)) bg = c;
  }
  if (!bg) bg = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
  return {
    id: idOf(el), what: whatOf(el), tag: el.tagName.toLowerCase(), type: el.type || '',
    name: el.name || '', x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height,
    fixed: s.position === 'fixed' || s.position === 'sticky',
    outline_style: s.outlineStyle, outline_width: parseFloat(s.outlineWidth) || 0,
    outline: colour(s.outlineColor), background: bg,
  };
}
"""
)

# Every element Tab should reach: focusable and visible (or the skip link); radios count once
# per group, since arrow keys move within a group.
_TABBABLE_JS = (
    """
() => {"""
    + _ID_JS
    + """
  const SEL = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]';
  const out = [];
  const groups = new Set();
  for (const el of document.querySelectorAll(SEL)) {
    if (el.disabled || el.tabIndex < 0 || el.closest('[inert]')) continue;
    if (!el.matches('.skip-link') && !el.checkVisibility({checkVisibilityCSS: true})) continue;
    if (el.type === 'radio' && el.name) {
      if (groups.has(el.name)) continue;
      groups.add(el.name);
      out.push({id: idOf(el), what: 'radio group ' + el.name, group: el.name});
    } else out.push({id: idOf(el), what: whatOf(el), group: ''});
  }
  return out;
}
"""
)


def _luminance(rgb: Sequence[float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Sequence[float], b: Sequence[float]) -> float:
    """WCAG contrast ratio of two sRGB colours given as 0–255 channels."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass
class Stop:
    id: str
    what: str
    tag: str
    type: str
    name: str
    x: float
    y: float
    width: float
    height: float
    fixed: bool
    outline_style: str
    outline_width: float
    outline: list[float]
    background: list[float]


@dataclass
class TabOrder:
    """Where Tab went, and what was wrong with it."""

    stops: list[Stop] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)
    trapped: str = ""
    focus_problems: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        found = [f"T7 not reachable by Tab: {w}" for w in self.unreached]
        found += [f"T7 out of reading order: {w}" for w in self.out_of_order]
        found += [f"T7 keyboard trap: {self.trapped}"] if self.trapped else []
        return found + self.focus_problems


def _focused(page: Page) -> Stop | None:
    row = page.evaluate(_FOCUSED_JS)
    return None if row is None else Stop(**row)


def focus_indicator_problem(stop: Stop) -> str | None:
    """WCAG 2.4.13 as ACCESSIBILITY.md states it: an outline ≥ 2 px with ≥ 3:1 contrast."""
    if stop.outline_style in ("none", "hidden") or stop.outline_width < FOCUS_MIN_WIDTH:
        return f"focus indicator of {stop.what}: outline {stop.outline_width:g} px {stop.outline_style}"
    ratio = contrast_ratio(stop.outline, stop.background)
    if ratio < FOCUS_MIN_CONTRAST:
        return f"focus indicator of {stop.what}: contrast {ratio:.2f}:1 against its background"
    return None


# Inputs whose parts (day, month, year…) are separate Tab stops inside one element.
SEGMENTED = {"date", "time", "datetime-local", "month", "week"}

# Puts the browser's "sequential focus navigation starting point" before the first element of
# the page, as after a fresh load, even if a field took focus with ``autofocus``. (Blurring is
# not enough: Chromium continues from the element that last had focus.)
_FOCUS_TOP_JS = """
() => {
  window.scrollTo(0, 0);
  const start = document.createElement('span');
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus({preventScroll: true});
  start.addEventListener('blur', () => start.remove(), {once: true});
}
"""


def _focus_top(page: Page) -> None:
    page.evaluate(_FOCUS_TOP_JS)


def tab_order(page: Page, *, tolerance: float = 8.0, max_stops: int = 400) -> TabOrder:
    """Press Tab from the top of the page until focus wraps around; judge what happened.

    Reading order: a stop's centre must not lie above the previous stop's top edge, nor, on the
    same line, left of its left edge (``tolerance`` px of slack). Fixed and sticky elements are not judged.
    A trap is focus that stops moving or cycles without returning to the start.
    """
    expected = page.evaluate(_TABBABLE_JS)
    _focus_top(page)
    order = TabOrder()
    seen: dict[str, int] = {}
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        stop = _focused(page)
        if stop is None:  # focus left the document: wrapped
            break
        if order.stops and stop.id == order.stops[-1].id and stop.type in SEGMENTED:
            continue  # Tab moves between the day, month and year of a date field
        if stop.id in seen:
            if seen[stop.id] != 0:
                order.trapped = f"Tab cycles back to {stop.what} without reaching the end"
            break
        seen[stop.id] = len(order.stops)
        order.stops.append(stop)
    else:
        order.trapped = f"focus did not wrap within {max_stops} Tab presses"

    reached_groups = {s.name for s in order.stops if s.type == "radio"}
    for item in expected:
        done = item["group"] in reached_groups if item["group"] else item["id"] in seen
        if not done:
            order.unreached.append(item["what"])

    flowing = [s for s in order.stops if not s.fixed and s.width > 1 and s.y + s.height > 0]
    for a, b in zip(flowing, flowing[1:], strict=False):
        above = b.y + b.height / 2 < a.y - tolerance
        same_line = b.y < a.y + a.height and a.y < b.y + b.height
        left = same_line and b.x + b.width / 2 < a.x - tolerance
        if above or left:
            direction = "above" if above else "left of"
            order.out_of_order.append(f"{b.what} comes after {a.what} but sits {direction} it")

    for stop in order.stops:
        problem = focus_indicator_problem(stop)
        if problem:
            order.focus_problems.append(f"T7 {problem}")
    return order


# The focused element matches, or is the control of a label that matches (a radio drawn as a
# tile is often the tile label's sibling, not inside it).
_FOCUS_MATCHES_JS = """
(selector) => {
  const el = document.activeElement;
  return el.matches(selector) || [...(el.labels || [])].some((label) => label.matches(selector));
}
"""


def keystrokes_to(page: Page, selector: str, *, limit: int = 30) -> int:
    """Keystrokes from a fresh page load to focus on ``selector``, using the skip link.

    Tab (skip link), Enter (jump to the main content), then Tab until the element — or a
    control labelled by it — has focus. The first Tab must land on the skip link.
    """
    _focus_top(page)
    page.keyboard.press("Tab")
    if not page.evaluate("document.activeElement.matches('.skip-link')"):
        raise AssertionError("the first Tab stop is not the skip link")
    page.keyboard.press("Enter")
    for count in range(3, limit + 3):
        page.keyboard.press("Tab")
        if page.evaluate(_FOCUS_MATCHES_JS, selector):
            return count
    raise AssertionError(f"{selector} not reached within {limit} Tab presses after the skip link")


# --- reflow and text size (T10) ---------------------------------------------------------------

_OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if ((o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') &&
          a.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1 || scrolls(el)) continue;
    if (!el.checkVisibility()) continue;
    offenders.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ?
      '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right edge ' +
      Math.round(r.right + scrollX) + ' px');
  }
  return {overflow: document.documentElement.scrollWidth - width, offenders: offenders.slice(0, 8)};
}
"""


def horizontal_overflow(page: Page, width: int = 320) -> list[str]:
    """T10 / WCAG 1.4.10: at ``width`` CSS px the page must not scroll sideways.

    Wide tables may scroll inside their own ``.table-wrap`` (WCAG allows two-dimensional
    content to scroll); elements inside any horizontally scrolling box are not counted.
    The viewport is restored afterwards.
    """
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": before["height"] if before else 800})
    try:
        found = page.evaluate(_OVERFLOW_JS)
    finally:
        if before:
            page.set_viewport_size(before)
    if found["overflow"] <= 0 and not found["offenders"]:
        return []
    return [f"T10 scrolls sideways by {found['overflow']} px at {width} px wide"] + [
        f"T10 too wide at {width} px: {o}" for o in found["offenders"]
    ]


_SMALL_TEXT_JS = """
(minPx) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.bottom + scrollY <= 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minPx - 0.01) out.push(el.tagName.toLowerCase() +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
      ' "' + node.textContent.trim().slice(0, 30) + '" is ' + size.toFixed(1) + ' px');
  }
  return out;
}
"""


def small_text(page: Page, min_px: float = 18.0) -> list[str]:
    """T10: visible text smaller than ``min_px`` CSS px."""
    return [f"T10 small text: {p}" for p in page.evaluate(_SMALL_TEXT_JS, min_px)]


# --- CSP (no inline scripts or styles) --------------------------------------------------------

_CSP_LISTENER_JS = """
() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') +
      ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || '')));
}
"""


def watch_csp(page: Page) -> None:
    """Record Content-Security-Policy violations of every page this Page loads from now on."""
    page.add_init_script(f"({_CSP_LISTENER_JS})()")


def csp_violations(page: Page) -> list[str]:
    """CSP violations recorded since the page loaded (needs :func:`watch_csp` first)."""
    found = page.evaluate("window.__cspViolations || []")
    return [f"CSP blocked: {v}" for v in found]
