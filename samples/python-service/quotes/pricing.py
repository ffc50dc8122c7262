"""The price list: a base fee per zone plus a rate per started kilogram."""

from decimal import ROUND_HALF_UP, Decimal
import math

ZONES = {
    "domestic": (Decimal("4.90"), Decimal("0.80")),
    "eu": (Decimal("9.90"), Decimal("1.50")),
    "world": (Decimal("19.90"), Decimal("4.00")),
}
MAX_WEIGHT_KG = 30


class QuoteError(ValueError):
    """A parcel that cannot be priced; the message says why."""


def quote(weight_kg: float, zone: str) -> Decimal:
    """The price in euros of a parcel of weight_kg sent to zone; every started kilogram counts."""
    if zone not in ZONES:
        raise QuoteError(f"unknown zone {zone!r}; one of: {', '.join(sorted(ZONES))}")
    if not 0 < weight_kg <= MAX_WEIGHT_KG:
        raise QuoteError(f"weight must be above 0 and at most {MAX_WEIGHT_KG} kg")
    base, per_kg = ZONES[zone]
    price = base + per_kg * math.ceil(weight_kg)
    return price.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
