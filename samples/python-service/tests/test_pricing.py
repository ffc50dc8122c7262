from decimal import Decimal

import pytest

from quotes.pricing import QuoteError, quote


def test_every_started_kilogram_counts():
    assert quote(2.5, "eu") == Decimal("14.40")


def test_a_domestic_kilogram_costs_the_base_fee_and_one_rate():
    assert quote(1, "domestic") == Decimal("5.70")


@pytest.mark.parametrize("weight", [0, -1, 30.5])
def test_a_weight_out_of_range_is_refused(weight):
    with pytest.raises(QuoteError, match="weight"):
        quote(weight, "eu")


def test_an_unknown_zone_is_refused_with_the_known_ones():
    with pytest.raises(QuoteError, match="domestic, eu, world"):
        quote(1, "moon")
