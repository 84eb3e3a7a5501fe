"""No hover-only controls, drags, sliders, double-clicks or auto-refresh anywhere (T8), and no
inline script or style (CSP) — read from the source files of every app, so unvisited pages count.
"""

from __future__ import annotations

from pointer_scan import ROOT, files, scan_all, scan_css, scan_script, scan_template, template_files

FAKE = ROOT / "bedside/example.txt"


def test_no_template_stylesheet_or_script_has_a_pointer_trap_or_inline_code():
    findings = scan_all()
    assert not findings, "\n" + "\n".join(str(f) for f in findings)


def test_the_scan_reads_every_app_and_skips_vendored_htmx():
    scanned = {p.relative_to(ROOT).as_posix() for p in files((".css", ".js"))}
    assert "bedside/web/static/web/bedside.css" in scanned
    assert "bedside/web/static/web/bedside.js" in scanned
    assert not any(name.endswith("htmx.min.js") for name in scanned)
    assert not any(name.startswith(".venv/") for name in scanned)
    templates = {p.relative_to(ROOT).as_posix() for p in template_files()}
    assert "bedside/web/templates/web/base.html" in templates


def test_hover_rules_that_reveal_are_caught_and_colour_changes_are_not():
    css = """
    a:hover { color: red; text-decoration: none; }
    .menu:hover .sub { display: block; }
    .card:hover > .tools,
    .row:hover .x { opacity: 1 }
    /* .tip:hover { visibility: visible } is only a comment */
    """
    found = scan_css(FAKE, css)
    assert [(f.line, f.rule) for f in found] == [
        (3, "T8 hover reveals content (display)"),
        (4, "T8 hover reveals content (opacity)"),
    ]


def test_drag_slider_double_click_hover_triggers_refresh_and_inline_code_are_caught():
    template = "\n".join(
        [
            '<div draggable="true">a</div>',
            '<div draggable="false">fine</div>',
            '<input type="range" name="pain">',
            '<button hx-post="/x" hx-trigger="mouseenter">b</button>',
            '<meta http-equiv="refresh" content="30">',
            '<button onclick="go()">c</button>',
            "<script>alert(1)</script>",
            '<script src="/static/ok.js" defer></script>',
            '<p style="color:red">d</p>',
            '<button hx-on:click="x()">e</button>',
            "{# hx-on and draggable in a comment are fine #}",
            '<button hx-trigger="dblclick">f</button>',
        ]
    )
    lines = sorted({f.line for f in scan_template(FAKE, template)})
    assert lines == [1, 3, 4, 5, 6, 7, 9, 10, 12]


def test_scripts_may_watch_the_pointer_only_inside_the_dwell_code():
    script = "\n".join(
        [
            "/* dwell:begin */",
            "document.addEventListener('pointermove', dwell);",
            "/* dwell:end */",
            "el.addEventListener('mouseenter', openMenu);",
            "el.addEventListener('dblclick', edit);",
            "// a comment about mouseover is fine",
        ]
    )
    assert [(f.line, f.rule.split(" ")[0]) for f in scan_script(FAKE, script)] == [
        (4, "T8"),
        (5, "T8"),
    ]
