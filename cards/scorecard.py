"""The weekly scorecard card: which week, the headline, targets, counts, the trend, people."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import (
    CardElement,
    Column,
    ColumnSet,
    Fact,
    FactSet,
    Image,
    SubmitAction,
    TextBlock,
)

from cards.help import type_it
from cards.render import card, heading, note, render
from cards.scorecard_chart import data_uri
from services.profile import Profile, Unit
from services.scorecard import (
    Figure,
    TechnicianRow,
    Week,
    WeeklyScorecard,
    shown,
    shown_change,
    shown_target,
    shown_verdict,
    week_containing,
)

# Past this many people the per-person lines go to their own card, behind "By person": the
# scorecard stays the same size whatever the roster.
PEOPLE_INLINE = 12
_VERDICT_COLOR = {True: "Good", False: "Attention", None: "Default"}
# Short one-word headers: a column of a chat-width card holds about seven characters.
_TARGET_WIDTHS = (6, 3, 3, 3, 3)


def _row(cells: Sequence[str], *, header: bool = False, color: str | None = None) -> ColumnSet:
    """One line of the targets table (a ColumnSet reads the same on every Teams client)."""
    columns = [
        Column(
            width=width,
            items=[
                TextBlock(
                    text=text,
                    wrap=True,
                    size="Small",
                    weight="Bolder" if header else None,
                    # Only the verdict (4th cell) carries a colour; its word says it too.
                    color=color if i == 3 else None,
                )
            ],
        )
        for i, (text, width) in enumerate(zip(cells, _TARGET_WIDTHS, strict=True))
    ]
    return ColumnSet(columns=columns, spacing="Small", separator=header or None)


def _short(week: Week) -> str:
    """ "W47": the week in a column header."""
    return week.label.split("-")[1]


def _headline(figure: Figure, before: Week) -> list[CardElement]:
    big = f"{figure.label}: {shown(figure.value, figure.unit)}"
    parts = [f"target {shown_target(figure.target)}"] if figure.target else []
    if figure.met is not None:
        parts.append(shown_verdict(figure))
    parts.append(f"{shown_change(figure)} vs {_short(before)}")
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


def _targets(scorecard: WeeklyScorecard, figures: Sequence[Figure]) -> list[CardElement]:
    week = scorecard.week
    header = ("Measure", _short(week), "Target", "Result", f"vs {_short(week.shifted(-1))}")
    rows = [
        _row(
            (
                f.label,
                shown(f.value, f.unit),
                shown_target(f.target),
                shown_verdict(f),
                shown_change(f),
            ),
            color=_VERDICT_COLOR[f.met],
        )
        for f in figures
    ]
    return [_row(header, header=True), *rows]


def _counts(scorecard: WeeklyScorecard, figures: Sequence[Figure]) -> list[CardElement]:
    before = _short(scorecard.week.shifted(-1))
    facts = [
        Fact(title=f.label, value=f"{shown(f.value, f.unit)} · {shown_change(f)} vs {before}")
        for f in figures
    ]
    return [_section("Counts"), FactSet(facts=facts)]


def _section(title: str) -> TextBlock:
    return TextBlock(text=title, weight="Bolder", spacing="Large", wrap=True)


def person_line(row: TechnicianRow) -> str:
    """One person's week in words, e.g. "1 assigned · 1 resolved · 2 reopened · ..."."""
    answer = shown(row.first_response_median, Unit.BUSINESS_MINUTES)
    return (
        f"{row.assigned} assigned · {row.resolved} resolved · {row.reopens} reopened · "
        f"first answer {answer} · {row.backlog} open"
    )


def _people(rows: Sequence[TechnicianRow]) -> FactSet:
    return FactSet(facts=[Fact(title=r.name, value=person_line(r)) for r in rows])


def which_week(week: Week, now: datetime) -> str:
    """The week relative to `now`: "This week so far", "Last week", or "2 weeks ago"."""
    back = (week_containing(now, week.zone).monday - week.monday).days // 7
    if back == 0:
        return "This week so far"
    return "Last week" if back == 1 else f"{back} weeks ago"


def _when(profile: Profile, at: datetime) -> str:
    return at.astimezone(profile.business_hours.zone).strftime("%a %d %b %Y %H:%M %Z")


def _full_width(rendered: dict) -> dict:
    # Teams-only property (outside the 1.5 schema): use the chat's width, not a narrow bubble.
    rendered["msteams"] = {"width": "Full"}
    return rendered


def _week_buttons(scorecard: WeeklyScorecard) -> list[SubmitAction]:
    if scorecard.complete:
        return [type_it("scorecard this week", "This week so far")]
    return [type_it("scorecard last week", "Last week")]


def scorecard_card(profile: Profile, scorecard: WeeklyScorecard, chart: bytes | None) -> dict:
    """The week's scorecard; `chart` is trend_png's PNG (None leaves the chart out)."""
    week, now = scorecard.week, scorecard.computed_at
    body: list[CardElement] = [
        heading(f"Weekly scorecard · {week.label}"),
        note(f"{which_week(week, now)}: {week.dates}", subtle=False),
    ]
    body += _headline(scorecard.headline, week.shifted(-1))
    rest = scorecard.figures[1:]
    body += _targets(scorecard, [f for f in rest if f.target is not None])
    if chart is not None:
        body.append(_section("Last 8 weeks"))
        body.append(Image(url=data_uri(chart), alt_text=chart_text(scorecard), size="Stretch"))
    body += _counts(scorecard, [f for f in rest if f.target is None])
    actions = _week_buttons(scorecard)
    people = scorecard.technicians
    if len(people) <= PEOPLE_INLINE:
        body += [_section("By person"), _people(people)]
    else:
        actions.append(type_it(f"scorecard {week.label} by person", "By person"))
    body.append(
        note(
            f"Business hours, {profile.business_hours.timezone}. Reopen rate: reopens in the "
            f"week / tickets resolved or closed in the week. Computed {_when(profile, now)}."
        )
    )
    return _full_width(render(card(body, actions)))


def scorecard_people_card(scorecard: WeeklyScorecard) -> dict:
    """The scorecard's per-person lines on their own, for a roster too long for the scorecard."""
    week = scorecard.week
    body: list[CardElement] = [
        heading(f"Scorecard by person · {week.label}"),
        note(f"{which_week(week, scorecard.computed_at)}: {week.dates}", subtle=False),
        _people(scorecard.technicians),
    ]
    return _full_width(render(card(body, [type_it(f"scorecard {week.label}", "Scorecard")])))


def chart_text(scorecard: WeeklyScorecard) -> str:
    """What the chart shows, for screen readers and clients that do not load images."""
    points = [
        f"{p.week.label}: {p.done} resolved, {p.reopens} reopened, "
        f"reopen rate {shown(p.reopen_rate_pct, Unit.PERCENT)}, "
        f"acknowledged in time {shown(p.ack_pct, Unit.PERCENT)}"
        for p in scorecard.trend
    ]
    return "Reopen rate and acknowledgement rate by week. " + "; ".join(points)
