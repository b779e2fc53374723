#!/usr/bin/env python3
"""Writes www/data/flux-1d.synthetic.json: 400 daily candles generated from a fixed seed.

These are NOT Flux market data: a seeded geometric random walk, labelled synthetic in the file
and wherever a widget shows it. Standard library only; rerun to reproduce byte for byte:
    python3 scripts/gen-synthetic-candles.py
"""
import json
import math
import pathlib
import random

rng = random.Random(42)
n, day = 400, 86_400_000
end = 1_795_651_200_000  # 2026-11-26 00:00 UTC
price = 0.40
rows = []
for i in range(n):
    t = end - (n - 1 - i) * day
    o = price
    drift = 0.0008 if i < 300 else -0.0015  # a rise, then a late pullback
    price = o * math.exp(drift + rng.gauss(0, 0.04))
    hi = max(o, price) * (1 + abs(rng.gauss(0, 0.015)))
    lo = min(o, price) * (1 - abs(rng.gauss(0, 0.015)))
    vol = 2_000_000 * math.exp(rng.gauss(0, 0.35)) * (1.8 if abs(price / o - 1) > 0.06 else 1.0)
    rows.append([t, round(o, 6), round(hi, 6), round(lo, 6), round(price, 6), round(vol, 2)])
doc = {
    "symbol": "FLUX",
    "interval": "1d",
    "source": "Synthetic series (seeded random walk, seed 42), not market data",
    "synthetic": True,
    "candles": rows,
}
out = pathlib.Path(__file__).resolve().parents[1] / "www/data/flux-1d.synthetic.json"
out.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
print(out, len(rows), "candles")
