"""Processing times in days, the French way; the bar charts' axes."""

import datetime

import pytest
from django.utils import translation

from citizen_space.statistics.charts import ChartItem, axis_maximum, bar_chart, column_chart
from citizen_space.statistics.formatting import days_display


@pytest.mark.parametrize(
    ("days", "french_number", "english"),
    [
        (12.5, "12,5", "12.5 days"),
        (1, "1", "1 day"),
        (3.04, "3", "3 days"),
        (0.25, "0,2", "0.2 day"),
    ],
)
def test_days_are_written_with_a_comma_in_french(days, french_number, english):
    duration = datetime.timedelta(days=days)
    with translation.override("fr"):
        assert days_display(duration).startswith(french_number + " ")
    with translation.override("en"):
        assert days_display(duration) == english
    assert days_display(None) == ""


@pytest.mark.parametrize(
    ("value", "top"), [(0, 4), (3, 4), (4, 4), (5, 8), (13, 20), (38, 40), (90, 100), (1234, 2000)]
)
def test_the_axis_ends_on_a_round_number_above_the_highest_value(value, top):
    assert axis_maximum(value) == top


def test_columns_are_as_high_as_their_value_and_bars_as_long():
    columns = column_chart(
        title="t", description="d", items=[ChartItem("a", 10), ChartItem("b", 5)]
    )
    first, second = columns.bars
    assert first.height == 2 * second.height
    assert first.y + first.height == columns.plot_bottom
    bars = bar_chart(title="t", description="d", items=[ChartItem("a", 20), ChartItem("b", 5)])
    assert bars.bars[0].width == 4 * bars.bars[1].width
    assert bars.bars[0].y < bars.bars[1].y
