"""Find every page in the URL configuration, so new pages are checked without being listed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

# Routes that are never pages: files, and endpoints that only answer POST.
NOT_PAGES = {"static", "media"}


def _closure(view: object, depth: int = 0) -> Iterator[tuple[str, object]]:
    """(name, value) of every variable the view's decorators closed over, outermost first.

    Follows ``__wrapped__`` and decorated functions kept in closures, which is how Django's
    decorators (``require_http_methods``, ``login_required``…) hold what they were given.
    """
    if depth > 12 or view is None:
        return
    code = getattr(view, "__code__", None)
    cells = getattr(view, "__closure__", None) or ()
    names = code.co_freevars if code is not None else ()
    inner = [getattr(view, "__wrapped__", None)]
    for name, cell in zip(names, cells, strict=False):
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        yield name, value
        if callable(value) and not isinstance(value, type):
            inner.append(value)
    for candidate in inner:
        yield from _closure(candidate, depth + 1)


def allowed_methods(view: object) -> frozenset[str] | None:
    """The HTTP methods a view accepts, read from its decorators; None when it does not say.

    ``require_http_methods`` (and ``require_POST``/``require_GET``) keep the list in their
    closure; class-based views give ``http_method_names``. This leaves POST-only endpoints out
    before any database is set up for them.
    """
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return frozenset(m.upper() for m in view_class.http_method_names if hasattr(view_class, m))
    for name, value in _closure(view):
        if name == "request_method_list":
            return frozenset(value)  # type: ignore[arg-type]
    return None


def requires_login(view: object) -> bool:
    """True when the view is behind ``login_required`` (``user_passes_test``)."""
    return any(name == "test_func" for name, _value in _closure(view))


@dataclass(frozen=True)
class PageRoute:
    name: str  # "care:tonight", or the route itself when unnamed
    route: str  # "c/<slug:slug>/care/tonight/"
    methods: frozenset[str] | None = None  # None: the view does not restrict them
    login: bool = False  # behind login_required: nothing to check for anonymous visitors

    @property
    def answers_get(self) -> bool:
        return self.methods is None or "GET" in self.methods

    @property
    def params(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.route)

    @property
    def in_circle(self) -> bool:
        return "slug" in self.params

    @property
    def object_params(self) -> list[str]:
        return [p for p in self.params if p != "slug"]

    def path(self, values: dict[str, object]) -> str:
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), self.route)


def _walk(patterns: list[object], prefix: str, namespace: str) -> Iterator[PageRoute]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), full_ns)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if route.startswith("^") or "(?P" in route:
                continue  # regex routes (none of ours); cannot be filled in safely
            name = entry.name or route
            if namespace and entry.name:
                name = f"{namespace}:{entry.name}"
            yield PageRoute(
                name=name,
                route=route,
                methods=allowed_methods(entry.callback),
                login=requires_login(entry.callback),
            )


def page_routes() -> list[PageRoute]:
    """Every route that may answer GET, in URL-configuration order, without duplicates."""
    seen: dict[str, PageRoute] = {}
    for page in _walk(get_resolver().url_patterns, "", ""):
        if page.name.split(":")[-1] in NOT_PAGES or page.route.startswith(("static/", "media/")):
            continue
        if not page.answers_get:
            continue
        seen.setdefault(page.route, page)
    return list(seen.values())
