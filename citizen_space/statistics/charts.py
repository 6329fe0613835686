"""Bar charts drawn on the server as SVG pictures: this module computes their geometry, the
template `statistics/charts/bar_chart.html` draws it (with `role="img"`, a title and a
description; the page gives the same figures in a table).

Columns (`column_chart`) stand side by side, for months; bars (`bar_chart`) are stacked one
under the other, their label above them, for procedures whose names are long.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format

# Colours with a contrast of at least 4.5:1 on white (the chart's background).
BLUE = "#000091"
GREEN = "#18753c"
RED = "#ce0500"
GREY = "#666666"

WIDTH = 720
FONT_SIZE = 13
GRID_LINES = 4


@dataclass(frozen=True)
class ChartItem:
    label: str
    value: float
    color: str = BLUE
    sublabel: str = ""  # a second line under a column's label (the year under January)


@dataclass(frozen=True)
class Bar:
    label: str
    sublabel: str
    value_text: str
    color: str
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class GridLine:
    text: str
    position: float  # y of a column chart's line, x of a bar chart's


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    horizontal: bool
    width: int
    height: int
    plot_left: float
    plot_top: float
    plot_right: float
    plot_bottom: float
    bars: tuple[Bar, ...]
    grid: tuple[GridLine, ...]


def axis_maximum(value: float) -> float:
    """The top of the axis: `value` rounded up to 1, 2 or 5 times a power of ten, in steps
    that are whole numbers when there are `GRID_LINES` of them."""
    if value <= 0:
        return GRID_LINES
    step = value / GRID_LINES
    power = 10 ** math.floor(math.log10(step))
    multiples = (1, 2, 2.5, 5, 10) if power >= 10 else (1, 2, 5, 10)
    nice = next(m * power for m in multiples if m * power >= step)
    return max(nice, 1) * GRID_LINES


def _grid(top: float, to_position) -> tuple[GridLine, ...]:
    values = [top * n / GRID_LINES for n in range(GRID_LINES + 1)]
    return tuple(GridLine(text=_number(v), position=to_position(v)) for v in values)


def _number(value: float) -> str:
    return number_format(value, decimal_pos=0 if float(value).is_integer() else 1)


def column_chart(*, title: str, description: str, items: Sequence[ChartItem]) -> BarChart:
    """Columns side by side, labels under them, values above them."""
    left, right, top, bottom, height = 48, WIDTH - 8, 20, 200, 248
    top_value = axis_maximum(max((item.value for item in items), default=0))
    slot = (right - left) / max(len(items), 1)
    width = slot * 0.7

    def y_of(value):
        return bottom - (bottom - top) * value / top_value

    bars = []
    for index, item in enumerate(items):
        x = left + slot * index + (slot - width) / 2
        y = y_of(item.value)
        bars.append(
            Bar(
                label=item.label,
                sublabel=item.sublabel,
                value_text=_number(item.value),
                color=item.color,
                x=round(x, 1),
                y=round(y, 1),
                width=round(width, 1),
                height=round(bottom - y, 1),
                label_x=round(x + width / 2, 1),
                label_y=bottom + FONT_SIZE + 4,
                value_x=round(x + width / 2, 1),
                value_y=round(y - 4, 1),
            )
        )
    return BarChart(
        title=title,
        description=description,
        horizontal=False,
        width=WIDTH,
        height=height,
        plot_left=left,
        plot_top=top,
        plot_right=right,
        plot_bottom=bottom,
        bars=tuple(bars),
        grid=_grid(top_value, lambda v: round(y_of(v), 1)),
    )


def bar_chart(*, title: str, description: str, items: Sequence[ChartItem]) -> BarChart:
    """Bars one under the other, each with its label above it and its value after it."""
    left, right, top, row, thickness = 8, WIDTH - 56, 24, 44, 18
    top_value = axis_maximum(max((item.value for item in items), default=0))

    def x_of(value):
        return left + (right - left) * value / top_value

    bars = []
    for index, item in enumerate(items):
        label_y = top + row * index + FONT_SIZE
        y = label_y + 6
        end = x_of(item.value)
        bars.append(
            Bar(
                label=item.label,
                sublabel=item.sublabel,
                value_text=_number(item.value),
                color=item.color,
                x=left,
                y=y,
                width=round(end - left, 1),
                height=thickness,
                label_x=left,
                label_y=label_y,
                value_x=round(end + 6, 1),
                value_y=y + thickness - 4,
            )
        )
    bottom = top + row * max(len(items), 1)
    return BarChart(
        title=title,
        description=description,
        horizontal=True,
        width=WIDTH,
        height=bottom + 20,
        plot_left=left,
        plot_top=top,
        plot_right=right,
        plot_bottom=bottom,
        bars=tuple(bars),
        grid=_grid(top_value, lambda v: round(x_of(v), 1)),
    )
