"""ALSFRS-R entry (one item per screen, one activation per answer) and its history.

Each answer tile is a submit button. With htmx the answer is kept in the member's draft and the
next screen comes back in the same response, with an announcement for ``#announce``; without
JavaScript the same form posts and the browser is redirected to the next screen. The screen is
chosen by ``?q=N``: 1–12 are the items (screen 5 shows item 5 in both forms, 5a and 5b, so the
form costs no extra activation), 13 is the summary with Save. Without ``q`` the entry resumes
at the first unanswered item. A full entry is 12 answers + Save = 13 activations.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from bedside.circles.days import today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, Role, role_can
from bedside.measures import Assessment
from bedside.web.pages import circle_page, render_page

from .. import selectors, services, summaries, wording
from ..alsfrs_items import DOMAIN_LABELS, ITEMS_BY_KEY, item_for
from ..chart import total_chart
from ..forms import SaveForm, TotalForm
from ..models import ALSFRSDraft

ENTRY = "progression/alsfrs_entry.html"
HISTORY = "progression/alsfrs_history.html"
SUMMARY = 13
JUST_SAVED = "progression.alsfrs.saved.{pk}"


def _viewer(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _answers(draft: ALSFRSDraft | None) -> dict[int, int]:
    if draft is None:
        return {}
    return {int(k): int(v) for k, v in draft.answers.items() if str(k).isdigit()}


def _first_open(draft: ALSFRSDraft | None) -> int:
    answers = _answers(draft)
    for number in range(1, 13):
        if number not in answers:
            return number
    return SUMMARY


def _number(request: HttpRequest, draft: ALSFRSDraft | None) -> int:
    raw = request.GET.get("q") or request.POST.get("q") or ""
    try:
        number = int(raw)
    except ValueError:
        return _first_open(draft)
    return max(1, min(number, SUMMARY))


def _group(item_key: str, selected: int | None, previous: int | None) -> dict[str, Any]:
    item = ITEMS_BY_KEY[item_key]
    return {
        "item": item,
        "key": item_key,
        "selected": selected,
        "previous": previous,
        "choices": item.choices,
        "heading_id": f"group-{item_key}",
    }


def _entry_context(
    request: HttpRequest, circle: Circle, membership: Membership, number: int
) -> dict[str, Any]:
    viewer = _viewer(request)
    draft = selectors.draft_for(circle=circle, viewer=viewer)
    answers = _answers(draft)
    form5 = draft.item5_form if draft else ""
    history = summaries.alsfrs_history(circle, viewer)
    last = history.latest_staged
    last_items = dict(enumerate(last.items, start=1)) if last else {}
    last_form5 = last.item5_form if last else ""
    groups: list[dict[str, Any]] = []
    if number == 5:
        for key in ("5a", "5b"):
            groups.append(
                _group(
                    key,
                    answers.get(5) if form5 == key else None,
                    last_items.get(5) if last_form5 == key else None,
                )
            )
    elif number < SUMMARY:
        groups.append(_group(str(number), answers.get(number), last_items.get(number)))
    rows = []
    for n in range(1, 13):
        item = item_for(n, form5 or "5a")
        rows.append(
            {
                "number": n,
                "item": item,
                "label": "5b" if n == 5 and form5 == "5b" else ("5a" if n == 5 else str(n)),
                "answer": answers.get(n),
                "text": item.answer_text(answers.get(n)),
            }
        )
    complete = len(answers) == 12 and form5 in ("5a", "5b")
    total = domains = None
    if complete:
        scored = Assessment.from_items([answers[n] for n in range(1, 13)], item5=form5)
        total = scored.total
        domains = [
            (DOMAIN_LABELS[name], getattr(scored.domains(), name))
            for name in ("bulbar", "fine_motor", "gross_motor", "respiratory")
        ]
    for_person = bool(draft and draft.for_person)
    return {
        "circle": circle,
        "membership": membership,
        "number": number,
        "summary_number": SUMMARY,
        "groups": groups,
        "answered_here": any(g["selected"] is not None for g in groups),
        "draft_started": draft.started_at if draft else None,
        "title_item": groups[0]["item"] if len(groups) == 1 else None,
        "rows": rows,
        "answered": len(answers),
        "open_rows": [r for r in rows if r["answer"] is None],
        "complete": complete,
        "total": total,
        "domains": domains,
        "last": last,
        "proxy": services.is_proxy(membership, for_person),
        "for_person": for_person,
        "is_person": membership.role == Role.PERSON,
        "person": selectors.person_name(circle=circle, viewer=viewer),
        "save_form": SaveForm(today=today(circle)),
        "has_draft": draft is not None and bool(answers),
    }


def _screen(
    request: HttpRequest, circle: Circle, membership: Membership, number: int | None = None
) -> HttpResponse:
    if number is None:
        number = _number(request, selectors.draft_for(circle=circle, viewer=_viewer(request)))
    context = _entry_context(request, circle, membership, number)
    return render_page(request, ENTRY, context, partial="screen")


def _go(request: HttpRequest, circle: Circle, membership: Membership, number: int) -> HttpResponse:
    """After a POST: the next screen for htmx, a redirect to it otherwise."""
    if getattr(request, "htmx", False):
        return _screen(request, circle, membership, number)
    return redirect(f"{reverse('progression:alsfrs_entry', args=[circle.slug])}?q={number}")


@circle_page(Action.RATE)
@require_GET
def entry(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _screen(request, circle, membership)


@circle_page(Action.RATE)
@require_POST
def answer(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """One tile: keep the answer in the draft and show the next item."""
    key = request.POST.get("item", "")
    try:
        draft = services.alsfrs_draft_answer(
            actor=_viewer(request), circle=circle, item=key, value=request.POST.get("value", "")
        )
    except ValidationError as error:
        messages.error(request, _("Not kept: %(why)s") % {"why": " ".join(error.messages)})
        number = (
            5 if key in ("5a", "5b") else int(key) if key.isdigit() and 0 < int(key) < 13 else 1
        )
        return _go(request, circle, membership, number)
    item = ITEMS_BY_KEY[key]
    score = int(draft.answers[str(item.number)])
    messages.success(
        request,
        _("%(item)s: %(score)s, %(text)s.")
        % {"item": item.title, "score": score, "text": item.answer_text(score)},
    )
    number = item.number + 1
    return _go(request, circle, membership, number)


@circle_page(Action.RATE)
@require_POST
def proxy(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """On the person's own account: someone else is answering for them (or not any more)."""
    on = bool(request.POST.get("for_person"))
    services.alsfrs_draft_for_person(actor=_viewer(request), circle=circle, on=on)
    name = selectors.person_name(circle=circle, viewer=_viewer(request))
    if on:
        messages.success(
            request, _("Answers are now recorded as given for %(name)s.") % {"name": name}
        )
    else:
        messages.success(request, _("Answers are now recorded as %(name)s's own.") % {"name": name})
    draft = selectors.draft_for(circle=circle, viewer=_viewer(request))
    return _go(request, circle, membership, _number(request, draft))


@circle_page(Action.RATE)
@require_POST
def discard(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Start over: forget the answers given so far (nothing saved is touched)."""
    count = services.alsfrs_draft_discard(actor=_viewer(request), circle=circle)
    if count:
        messages.success(request, _("Started over: the answers so far were cleared."))
    else:
        messages.info(request, _("There were no answers to clear."))
    return _go(request, circle, membership, 1)


@circle_page(Action.RATE)
@require_POST
def save(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Save: the draft becomes an assessment, all or nothing."""
    form = SaveForm(request.POST, today=today(circle))
    if not form.is_valid():
        messages.error(request, _("Not saved: give the day as a date."))
        return _go(request, circle, membership, SUMMARY)
    try:
        assessment = services.alsfrs_draft_save(
            actor=_viewer(request),
            circle=circle,
            day=form.cleaned_data["day"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, _("Not saved: %(why)s") % {"why": " ".join(error.messages)})
        draft = selectors.draft_for(circle=circle, viewer=_viewer(request))
        return _go(request, circle, membership, SUMMARY if draft else 1)
    request.session[JUST_SAVED.format(pk=circle.pk)] = assessment.pk
    messages.success(
        request,
        _("ALSFRS-R saved: total %(total)s of 48.") % {"total": assessment.assessment().total},
    )
    url = reverse("progression:alsfrs_history", args=[circle.slug])
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


# --- history, totals, removal ------------------------------------------------------------------


def _history_context(
    request: HttpRequest, circle: Circle, membership: Membership, **extra: Any
) -> dict[str, Any]:
    viewer = _viewer(request)
    window = request.GET.get("window", summaries.DEFAULT_WINDOW)
    history = summaries.alsfrs_history(circle, viewer, window=window)
    rows = list(reversed(history.rows))  # newest first in the table
    r_rows = [r for r in history.rows if r.is_alsfrs_r]
    points = [(r.day, float(r.total)) for r in r_rows]
    chart = total_chart(points) if points else None
    just_saved_pk = request.session.pop(JUST_SAVED.format(pk=circle.pk), None)
    just_saved = next((r for r in history.rows if r.pk == just_saved_pk), None)
    latest_rate = history.latest_rate
    staged = history.latest_staged
    return {
        "circle": circle,
        "membership": membership,
        "history": history,
        "rows": rows,
        "chart": chart,
        "chart_desc": wording.chart_text(points),
        "windows": list(summaries.SLOPE_WINDOWS),
        "slope_text": wording.slope_text(history),
        "delta_fs_text": wording.delta_fs_text(latest_rate, history) if latest_rate else "",
        "kings_text": wording.kings_text(staged.kings) if staged and staged.kings else "",
        "mitos_text": wording.mitos_text(staged.mitos) if staged and staged.mitos else "",
        "stage_changes": [
            wording.stage_change_text(c.system, c.before, c.after, c.day)
            for c in history.stage_changes
        ],
        "staged": staged,
        "domain_rows": domain_rows(staged),
        "just_saved": just_saved,
        "can_rate": role_can(membership.role, Action.RATE),
        "can_settings": role_can(membership.role, Action.INVITE),
        "removable": {
            r.pk for r in history.rows if services.may_remove(membership, r.created_by_id)
        },
        **extra,
    }


def domain_rows(staged: summaries.AssessmentSummary | None) -> list[tuple[str, float, int]]:
    if staged is None or staged.domains is None:
        return []
    return [
        (str(DOMAIN_LABELS[name]), getattr(staged.domains, name), 12)
        for name in ("bulbar", "fine_motor", "gross_motor", "respiratory")
    ]


@circle_page(Action.READ)
@require_GET
def history(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_page(request, HISTORY, _history_context(request, circle, membership))


@circle_page(Action.RATE)
@require_http_methods(["GET", "POST"])
def total(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Add a total without item scores (a clinic letter, an older record)."""
    form = TotalForm(request.POST or None, today=today(circle))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.alsfrs_record_total(
                actor=_viewer(request),
                circle=circle,
                total=data["total"],
                day=data["day"],
                instrument=data["instrument"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The total was added to the history."))
            return redirect("progression:alsfrs_history", circle.slug)
    if request.method == "POST":
        messages.error(request, _("Not saved: see the problems below."))
    return render_page(
        request,
        "progression/alsfrs_total.html",
        {"circle": circle, "membership": membership, "form": form},
    )


@circle_page(Action.RATE)
@require_POST
def remove(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    row = selectors.assessment_in(
        circle=circle, viewer=_viewer(request), assessment_id=request.POST.get("assessment", "")
    )
    day = row.day
    try:
        services.alsfrs_remove(actor=_viewer(request), circle=circle, assessment=row)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The ALSFRS-R of %(day)s was removed.") % {"day": wording.day_text(day)},
        )
    return redirect("progression:alsfrs_history", circle.slug)
