"""The scorecard's trend chart: reopen and acknowledgement rates by week, as a small PNG.

Small enough to travel inside the card as a data: URI (Teams renders those; the card must stay
far below Teams' message size): a 5.6 x 2.2 inch figure at 100 dpi, quantized to 16 colours.
Built with matplotlib's object API and the Agg canvas: no display, no pyplot global state, so
it can run in a worker thread.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from services.scorecard import TrendPoint

REOPEN_COLOR = "#c4314b"  # Teams' "attention" red: the rate to keep low
ACK_COLOR = "#237b4b"  # Teams' "good" green: the rate to keep high
_SIZE_INCHES = (5.6, 2.2)
_DPI = 100
_COLORS = 16


def _series(values: Sequence[float | None]) -> list[float]:
    # NaN leaves a gap: a week with nothing to rate is not a week at 0%.
    return [math.nan if v is None else v for v in values]


def trend_png(trend: Sequence[TrendPoint], reopen_target: float | None = None) -> bytes:
    """The PNG of the reopen rate and the acknowledgement rate over `trend`'s weeks."""
    figure = Figure(figsize=_SIZE_INCHES, dpi=_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    # Positions, not the labels themselves: a categorical axis drops weeks that have no value.
    weeks = range(len(trend))
    axes.plot(
        weeks,
        _series([p.reopen_rate_pct for p in trend]),
        marker="o",
        markersize=3,
        color=REOPEN_COLOR,
        label="Reopen rate",
    )
    axes.plot(
        weeks,
        _series([p.ack_pct for p in trend]),
        marker="s",
        markersize=3,
        color=ACK_COLOR,
        label="Acknowledged in time",
    )
    if reopen_target is not None:
        axes.axhline(reopen_target, color=REOPEN_COLOR, linewidth=0.8, linestyle="--")
    axes.set_xticks(weeks, [p.week.label.split("-")[1] for p in trend])
    axes.set_xlim(-0.5, len(trend) - 0.5)
    axes.set_ylim(0, 105)
    axes.set_ylabel("%", fontsize=7)
    axes.tick_params(labelsize=7)
    axes.grid(axis="y", linewidth=0.4, color="#dddddd")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1, 0.5))
    figure.tight_layout(pad=0.4)
    return _small_png(figure)


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
