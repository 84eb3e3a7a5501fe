"""The accessibility harness itself: each check must catch what it is there to catch.

A check that never fails proves nothing, so every helper of :mod:`a11y` is shown a small page
with the defect it looks for, and one without.
"""

from __future__ import annotations

import math
import os

import pytest
from a11y import (
    axe_violations,
    contrast_ratio,
    csp_violations,
    fitts_bits,
    horizontal_overflow,
    keystrokes_to,
    small_text,
    tab_order,
    target_size_problems,
)

pytestmark = pytest.mark.browser

STYLE = """
<style>
  body { margin: 0; font: 18px sans-serif; background: #fff; color: #111; }
  button, a.b { display: inline-block; min-width: 48px; min-height: 48px; margin: 0; }
  :focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
</style>
"""


def html(body: str, *, style: str = STYLE) -> str:
    return f"<!doctype html><html lang='en'><head><title>t</title>{style}</head><body>{body}</body></html>"


# --- target sizes (T1, T2) ---


def test_small_and_crowded_controls_are_reported(page):
    page.set_content(
        html(
            "<button class='small'>x</button>"
            "<div><button>one</button><button class='near'>two</button></div>"
        )
        + "<style>.small{min-width:30px!important;min-height:30px!important;width:30px;"
        "height:30px}.near{margin-left:4px!important}</style>"
    )
    problems = target_size_problems(page)
    assert any("T2 control" in p and "30×30" in p and "44 px floor" in p for p in problems)
    assert any("T2 spacing" in p and '"one"' in p and '"two"' in p for p in problems)


def test_big_controls_far_enough_apart_pass(page):
    page.set_content(html("<button>one</button> <button style='margin-left:8px'>two</button>"))
    assert target_size_problems(page) == []


def test_an_answer_tile_needs_80_px_and_its_label_is_the_target(page):
    page.set_content(
        html(
            "<label class='tile' style='display:block;width:60px;height:90px'>"
            "<input type='radio' name='a' style='opacity:0;position:absolute'>3</label>"
            "<label class='tile' style='display:block;width:90px;height:90px;margin-top:10px'>"
            "<input type='radio' name='a' style='opacity:0;position:absolute'>4</label>"
        )
    )
    problems = target_size_problems(page, ".tile")
    assert len(problems) == 1 and "T1 answer tile" in problems[0] and "60×90" in problems[0]


def test_a_link_inside_a_sentence_is_exempt_but_a_lone_small_link_is_not(page):
    page.set_content(html("<p>Read <a href='#x'>the guide</a> first.</p><p><a href='#y'>y</a></p>"))
    problems = target_size_problems(page)
    assert len(problems) == 1 and '"y"' in problems[0]


# --- axe-core (T3) ---


def test_axe_reports_violations_and_runs_the_target_size_rule(page):
    page.set_content(
        html(
            "<main><img src='data:,'><button style='min-width:10px;min-height:10px;width:10px;"
            "height:10px;padding:0'></button><button style='min-width:10px;min-height:10px;"
            "width:10px;height:10px;padding:0'></button></main>"
        )
    )
    rules = {v.split(" ", 1)[0] for v in axe_violations(page)}
    assert {"image-alt", "target-size", "button-name"} <= rules


def test_a_clean_page_has_no_axe_violations(page):
    page.set_content(html("<main><h1>Fine</h1><p>Nothing wrong here.</p></main>"))
    assert axe_violations(page) == []


# --- keyboard (T7) ---


def test_tab_order_follows_reading_order_and_reaches_everything(page):
    page.set_content(
        html(
            "<a class='skip-link b' href='#main'>Skip</a><main id='main' tabindex='-1'>"
            "<button>one</button> <button>two</button><p><input aria-label='three'></p>"
            "<fieldset><legend>r</legend><label><input type=radio name=r>a</label>"
            "<label><input type=radio name=r>b</label></fieldset></main>"
        )
    )
    order = tab_order(page)
    assert order.problems == []
    assert [s.what.split('"')[1] for s in order.stops] == ["Skip", "one", "two", "three", "on"]


def test_tab_order_reports_a_control_placed_above_its_predecessor(page):
    page.set_content(
        html(
            "<div style='display:flex;flex-direction:column-reverse'>"
            "<button>first in code</button><button>second in code</button></div>"
        )
    )
    problems = tab_order(page).problems
    assert any("out of reading order" in p and "second in code" in p for p in problems)


def test_tab_order_reports_a_keyboard_trap_and_what_it_hides(page):
    page.set_content(
        html("<button>before</button><input aria-label='trap' id='trap'><button>after</button>")
    )
    page.evaluate(
        """() => document.getElementById('trap').addEventListener('keydown', (e) => {
             if (e.key === 'Tab') e.preventDefault(); })"""
    )
    order = tab_order(page, max_stops=20)
    assert order.trapped
    assert any('"after"' in p for p in order.unreached)


def test_tab_order_reports_missing_thin_or_faint_focus_indicators(page):
    page.set_content(
        html(
            "<button id='none'>none</button> <button id='thin'>thin</button> "
            "<button id='faint'>faint</button>"
            "<style>#none:focus-visible{outline:none}#thin:focus-visible{outline-width:1px}"
            "#faint:focus-visible{outline-color:#eee}</style>"
        )
    )
    problems = tab_order(page).focus_problems
    assert len(problems) == 3
    assert "none" in problems[0] and "1 px" in problems[1] and "contrast" in problems[2]


def test_date_fields_are_one_stop_not_a_trap(page):
    page.set_content(html("<input type=date aria-label='day'><button>after</button>"))
    order = tab_order(page)
    assert order.problems == []
    assert len(order.stops) == 2


def test_keystrokes_to_the_first_answer_go_through_the_skip_link(page):
    page.set_content(
        html(
            "<a class='skip-link b' href='#main'>Skip</a><nav><a class='b' href='#a'>A</a>"
            "<a class='b' href='#b'>B</a></nav><main id='main' tabindex='-1'>"
            "<button class='answer'>7</button></main>"
        )
    )
    assert keystrokes_to(page, ".answer") == 3


def test_a_radio_drawn_as_a_sibling_tile_counts_as_the_tile(page):
    page.set_content(
        html(
            "<a class='skip-link b' href='#main'>Skip</a><main id='main' tabindex='-1'>"
            "<button>first</button><span><input type=radio name=p id=p1>"
            "<label class='tile' for=p1>light</label></span></main>"
        )
    )
    assert keystrokes_to(page, ".tile") == 4


# --- reflow and text (T10) ---


def test_content_wider_than_320_px_is_reported_unless_it_scrolls_in_its_own_box(page):
    page.set_content(
        html(
            "<div class='wide' style='width:600px'>wide</div>"
            "<div style='overflow-x:auto'><table style='width:900px'><tr><td>t</td></tr></table></div>"
        )
    )
    problems = horizontal_overflow(page, 320)
    assert problems and any("div.wide" in p for p in problems)
    assert not any("table" in p for p in problems)
    page.set_content(html("<p>narrow</p>"))
    assert horizontal_overflow(page, 320) == []


def test_text_under_18_px_is_reported(page):
    page.set_content(html("<p>fine</p><p style='font-size:14px'>tiny</p>"))
    problems = small_text(page)
    assert len(problems) == 1 and "tiny" in problems[0] and "14.0 px" in problems[0]


# --- numbers ---


def test_fitts_bits_follow_the_shannon_formulation():
    # log2(D/W + 1): from (0, 0) to a 100 px square centred at (350, 50): D = sqrt(350² + 50²).
    expected = math.log2(math.hypot(350, 50) / 100 + 1)
    assert fitts_bits([(0, 0), (300, 0, 100, 100)]) == [pytest.approx(expected)]
    # The smaller side counts (SMALLER-OF): a 400×50 bar is as hard as a 50 px square.
    assert fitts_bits([(0, 0, 10, 10), (100, 0, 400, 50)])[0] == pytest.approx(
        math.log2(math.hypot(295, 20) / 50 + 1)
    )
    with pytest.raises(ValueError):
        fitts_bits([(0, 0), (1, 1)])


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_inline_scripts_are_blocked_and_reported(personas, browse):
    page = browse(personas.person)
    page.goto("/settings/")
    assert csp_violations(page) == []
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.ran = true'; document.body.append(s); }"""
    )
    assert page.evaluate("window.ran === undefined")
    # The violation event is dispatched asynchronously: wait for it rather than for a while.
    page.wait_for_function(
        "() => (window.__cspViolations || []).some((v) => v.includes('script-src'))"
    )
    assert any("script-src" in v for v in csp_violations(page))


def test_the_database_is_usable_while_the_browser_runs(personas, browse):
    page = browse(personas.person)
    page.goto("/settings/")
    assert os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE") == "true"
    personas.person.refresh_from_db()  # would raise SynchronousOnlyOperation without it
    assert page.locator("h1").inner_text() == "Settings"
