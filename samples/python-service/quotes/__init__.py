"""Shipping quotes: price a parcel by weight and destination zone, and serve the prices over HTTP."""
