"""Builds tests/fixtures/wire/*.json: exchange payloads in their exact wire shapes, filled with
the real XRP/USDT perpetual values of tests/fixtures/real/ (Binance via freqtrade's test data).

Run once by hand (standard library only): python3 tests/reference/gen_wire_fixtures.py
Fields the recorded data does not have are marked in README.md beside the fixtures.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fixtures/wire"
candles = json.loads((ROOT / "tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json").read_text())
funding = json.loads((ROOT / "tests/fixtures/real/xrpusdt-perp-8h-funding.json").read_text())


def s(x):
    """Binance/Bybit/Kraken send decimals as strings; keep the recorded value's digits."""
    return repr(float(x)) if not float(x).is_integer() else str(int(x)) if abs(x) < 1e15 else repr(float(x))


def dump(name, doc):
    (OUT / name).write_text(json.dumps(doc, separators=(",", ":")) + "\n")


# Binance USDⓈ-M futures /fapi/v1/klines (same rows as spot /api/v3/klines).
dump("binance-fapi-klines-XRPUSDT-1h.json", [
    [t, s(o), s(h), s(l), s(c), s(v), t + 3_599_999, s(round(v * c, 4)), 0, "0", "0", "0"]
    for t, o, h, l, c, v in candles
])
# Binance /fapi/v1/fundingRate.
dump("binance-fapi-fundingRate-XRPUSDT.json", [
    {"symbol": "XRPUSDT", "fundingTime": int(t), "fundingRate": f"{r:.8f}", "markPrice": ""}
    for t, r, *_ in funding
])
# Bybit v5 /v5/market/kline: newest first, strings, retCode envelope.
dump("bybit-v5-kline-XRPUSDT-60.json", {
    "retCode": 0, "retMsg": "OK",
    "result": {"symbol": "XRPUSDT", "category": "linear",
               "list": [[str(t), s(o), s(h), s(l), s(c), s(v), s(round(v * c, 4))] for t, o, h, l, c, v in reversed(candles)]},
    "retExtInfo": {}, "time": candles[-1][0] + 3_600_000,
})
# Bybit v5 /v5/market/funding/history: newest first.
dump("bybit-v5-funding-XRPUSDT.json", {
    "retCode": 0, "retMsg": "OK",
    "result": {"category": "linear",
               "list": [{"symbol": "XRPUSDT", "fundingRate": f"{r:.8f}", "fundingRateTimestamp": str(int(t))} for t, r, *_ in reversed(funding)]},
    "retExtInfo": {}, "time": int(funding[-1][0]) + 1000,
})
# CoinGecko /coins/ripple/market_chart?days=5&interval=hourly and /coins/ripple/ohlc.
dump("coingecko-market_chart-ripple.json", {
    "prices": [[t, c] for t, o, h, l, c, v in candles],
    "market_caps": [[t, round(c * 47_000_000_000, 2)] for t, o, h, l, c, v in candles],
    "total_volumes": [[t, round(v * c, 2)] for t, o, h, l, c, v in candles],
})
dump("coingecko-ohlc-ripple.json", [[t, o, h, l, c] for t, o, h, l, c, v in candles])
# Kraken /0/public/OHLC?pair=XRPUSD&interval=60: seconds, strings, the last row still open.
dump("kraken-OHLC-XXRPZUSD-60.json", {
    "error": [],
    "result": {"XXRPZUSD": [[t // 1000, s(o), s(h), s(l), s(c), s(round((h + l + c) / 3, 6)), s(v), 0] for t, o, h, l, c, v in candles],
               "last": candles[-1][0] // 1000},
})
print("wrote", len(list(OUT.glob("*.json"))), "fixtures to", OUT)
