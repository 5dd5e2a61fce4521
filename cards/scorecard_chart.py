"""The scorecard's trend chart: eight weeks of counts as bars and rates as lines, as a small PNG.

Drawn to be read at chat size: two panels over the same weeks, large type, no legend box
(each series is named on the panel). Top: tickets resolved or closed, and reopens, as bars.
Bottom: the reopen and acknowledgement rates as lines, each with its target band shaded.
Small enough to travel inside the card as a data: URI (the card must stay far below Teams'
message size): quantized to a few colours. Built with matplotlib's object API and the Agg
canvas: no display, no pyplot global state, so it can run in a worker thread.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from services.scorecard import TrendPoint

REOPEN_COLOR = "#c4314b"  # Teams' "attention" red: the rate to keep low
ACK_COLOR = "#237b4b"  # Teams' "good" green: the rate to keep high
DONE_COLOR = "#8b8cc7"  # Teams' purple, light: the volume the reopen rate divides by
_SIZE_INCHES = (6.4, 4.2)
_DPI = 80
_TYPE = 13  # points: about 14 px after Teams scales the image to a chat-width card
_COLORS = 12


def _series(values: Sequence[float | None]) -> list[float]:
    # NaN leaves a gap: a week with nothing to rate is not a week at 0%.
    return [math.nan if v is None else v for v in values]


def trend_png(
    trend: Sequence[TrendPoint],
    reopen_target: float | None = None,
    ack_target: float | None = None,
) -> bytes:
    """The PNG of `trend`'s weeks: counts as bars above, rates against their targets below."""
    figure = Figure(figsize=_SIZE_INCHES, dpi=_DPI)
    FigureCanvasAgg(figure)
    counts, rates = figure.subplots(2, 1, sharex=True, height_ratios=(2, 3))
    # Positions, not the labels themselves: a categorical axis drops weeks that have no value.
    weeks = range(len(trend))
    _counts(counts, weeks, trend)
    _rates(rates, weeks, trend, reopen_target, ack_target)
    rates.set_xticks(weeks, [p.week.label.split("-")[1] for p in trend])
    rates.set_xlim(-0.5, len(trend) - 0.5)
    for axes in (counts, rates):
        axes.tick_params(labelsize=_TYPE)
        axes.grid(axis="y", linewidth=0.6, color="#dddddd")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    figure.tight_layout(pad=0.4, h_pad=0.6)
    return _small_png(figure)


def _counts(axes: Axes, weeks: range, trend: Sequence[TrendPoint]) -> None:
    axes.bar(weeks, [p.done for p in trend], width=0.7, color=DONE_COLOR, label="Resolved")
    axes.bar(weeks, [p.reopens for p in trend], width=0.7, color=REOPEN_COLOR, label="Reopened")
    axes.set_ylim(0, max([p.done for p in trend] + [p.reopens for p in trend] + [1]) * 1.15)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_title("Resolved and reopened tickets", fontsize=_TYPE, loc="left")


def _rates(
    axes: Axes,
    weeks: range,
    trend: Sequence[TrendPoint],
    reopen_target: float | None,
    ack_target: float | None,
) -> None:
    # The bands are where each rate should stay: below its ceiling, above its floor.
    if reopen_target is not None:
        axes.axhspan(0, reopen_target, color=REOPEN_COLOR, alpha=0.15, linewidth=0)
    if ack_target is not None:
        axes.axhspan(ack_target, 100, color=ACK_COLOR, alpha=0.15, linewidth=0)
    line = {"linewidth": 2.5, "markersize": 7}
    axes.plot(weeks, _series([p.ack_pct for p in trend]), "s-", color=ACK_COLOR, **line)
    axes.plot(weeks, _series([p.reopen_rate_pct for p in trend]), "o-", color=REOPEN_COLOR, **line)
    axes.set_ylim(0, 105)
    axes.set_yticks([0, 50, 100], ["0%", "50%", "100%"])
    axes.set_title("Acknowledged in time (green) · Reopen rate (red)", fontsize=_TYPE, loc="left")


def _small_png(figure: Figure) -> bytes:
    """The figure as an optimized, palette PNG: a few kilobytes instead of tens."""
    canvas = figure.canvas
    canvas.draw()
    width, height = canvas.get_width_height()
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    palette = rgba.convert("RGB").quantize(colors=_COLORS)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def data_uri(png: bytes) -> str:
    """The PNG as a data: URI for an Adaptive Card Image."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
