"""The weekly scorecard card: the headline, every figure beside its target, people, the trend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import CardElement, Column, ColumnSet, Image, TextBlock

from cards.render import card, heading, note, render
from cards.scorecard_chart import data_uri
from services.profile import Profile, Unit
from services.scorecard import (
    Figure,
    TechnicianRow,
    WeeklyScorecard,
    shown,
    shown_change,
    shown_target,
    shown_verdict,
)

_VERDICT_COLOR = {True: "Good", False: "Attention", None: "Default"}
_FIGURE_COLUMNS = ("Measure", "This week", "Target", "Result", "vs last week")
_FIGURE_WIDTHS = (5, 3, 3, 2, 3)
_PEOPLE_COLUMNS = ("Person", "Assigned", "Resolved", "Reopens", "First resp.", "Backlog")
_PEOPLE_WIDTHS = (4, 2, 2, 2, 3, 2)


def _row(
    cells: Sequence[str], widths: Sequence[int], *, header: bool = False, color: str = "Default"
) -> ColumnSet:
    """One table line as a ColumnSet (read the same way on every Teams client)."""
    columns = [
        Column(
            width=width,
            items=[
                TextBlock(
                    text=text,
                    wrap=True,
                    size="Small",
                    weight="Bolder" if header else None,
                    # Only the verdict (4th cell of a figure) carries a colour.
                    color=color if i == 3 and not header else None,
                )
            ],
        )
        for i, (text, width) in enumerate(zip(cells, widths, strict=True))
    ]
    return ColumnSet(columns=columns, spacing="Small", separator=header or None)


def _headline(figure: Figure) -> list[CardElement]:
    big = f"{figure.label}: {shown(figure.value, figure.unit)}"
    parts = [f"target {shown_target(figure.target)}"] if figure.target else []
    if figure.met is not None:
        parts.append(shown_verdict(figure))
    parts.append(f"{shown_change(figure)} vs last week")
    return [
        TextBlock(
            text=big,
            size="ExtraLarge",
            weight="Bolder",
            color=_VERDICT_COLOR[figure.met],
            wrap=True,
        ),
        TextBlock(text=" · ".join(parts), wrap=True, spacing="None"),
    ]


def _figure_row(figure: Figure) -> ColumnSet:
    cells = (
        figure.label,
        shown(figure.value, figure.unit),
        shown_target(figure.target),
        shown_verdict(figure),
        shown_change(figure),
    )
    return _row(cells, _FIGURE_WIDTHS, color=_VERDICT_COLOR[figure.met])


def _person_row(row: TechnicianRow) -> ColumnSet:
    cells = (
        row.name,
        str(row.assigned),
        str(row.resolved),
        str(row.reopens),
        shown(row.first_response_median, Unit.BUSINESS_MINUTES),
        str(row.backlog),
    )
    return _row(cells, _PEOPLE_WIDTHS)


def _when(profile: Profile, at: datetime) -> str:
    return at.astimezone(profile.business_hours.zone).strftime("%a %d %b %Y %H:%M %Z")


def scorecard_card(profile: Profile, scorecard: WeeklyScorecard, chart: bytes | None) -> dict:
    """The week's scorecard; `chart` is trend_png's PNG (None leaves the chart out)."""
    week = scorecard.week
    span = week.dates + ("" if scorecard.complete else " · so far, the week is not over")
    body: list[CardElement] = [heading(f"Weekly scorecard · {week.label}"), note(span)]
    body += _headline(scorecard.headline)
    body.append(_row(_FIGURE_COLUMNS, _FIGURE_WIDTHS, header=True))
    body += [_figure_row(f) for f in scorecard.figures[1:]]
    body.append(TextBlock(text="By person", weight="Bolder", spacing="Large", wrap=True))
    body.append(_row(_PEOPLE_COLUMNS, _PEOPLE_WIDTHS, header=True))
    body += [_person_row(r) for r in scorecard.technicians]
    if chart is not None:
        body.append(TextBlock(text="Last 8 weeks", weight="Bolder", spacing="Large", wrap=True))
        body.append(Image(url=data_uri(chart), alt_text=_chart_text(scorecard), size="Stretch"))
    body.append(
        note(
            f"Business hours, {profile.business_hours.timezone}. Reopen rate: reopens in the "
            f"week / tickets resolved or closed in the week. Computed "
            f"{_when(profile, scorecard.computed_at)}."
        )
    )
    return render(card(body))


def _chart_text(scorecard: WeeklyScorecard) -> str:
    """What the chart shows, for screen readers and clients that do not load images."""
    points = [
        f"{p.week.label}: reopen {shown(p.reopen_rate_pct, Unit.PERCENT)}, "
        f"acknowledged {shown(p.ack_pct, Unit.PERCENT)}"
        for p in scorecard.trend
    ]
    return "Reopen rate and acknowledgement rate by week. " + "; ".join(points)
