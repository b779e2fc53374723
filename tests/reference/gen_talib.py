"""Generates tests/fixtures/talib/reference.json: TA-Lib's outputs on two input series.

Run once, by hand, when the cases change (CI never runs it; the JSON is the test data):

    python3 -m venv /tmp/talib && /tmp/talib/bin/pip install TA-Lib==0.8.2 numpy
    /tmp/talib/bin/python tests/reference/gen_talib.py

TA-Lib 0.8.2 from PyPI bundles the TA-Lib C library (0.8.1). Inputs:
- xrp_1h: the 100 real XRP/USDT perpetual hourly candles of shared/data/real (Binance, via
  freqtrade's test data), copied to tests/fixtures/real/;
- walk: 600 synthetic bars (seeded random walk, numpy seed 7), with a flat stretch (zero
  ranges) and zero-volume bars, long enough for every warm-up.
Floats are written with repr, so they round-trip exactly.
"""
import json
import pathlib

import numpy as np
import talib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def xrp():
    rows = json.loads((ROOT / "tests/fixtures/real/xrpusdt-perp-1h-ohlcv.json").read_text())
    cols = np.array(rows, dtype=float).T
    return {"time": cols[0].astype(np.int64).tolist(), "open": cols[1], "high": cols[2],
            "low": cols[3], "close": cols[4], "volume": cols[5]}


def walk(n=600):
    rng = np.random.RandomState(7)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, n)))
    open_ = np.concatenate([[close[0]], close[:-1]])
    spread = np.abs(rng.normal(0, 0.006, n)) * close
    high = np.maximum(open_, close) + spread
    low = np.minimum(open_, close) - spread
    volume = rng.lognormal(10, 0.5, n)
    flat = slice(300, 330)
    open_[flat] = high[flat] = low[flat] = close[flat] = close[299]
    volume[340:345] = 0.0
    time = (1_700_000_000_000 + np.arange(n) * 3_600_000).tolist()
    return {"time": time, "open": open_, "high": high, "low": low, "close": close, "volume": volume}


def cases(s):
    o, h, l, c, v = s["open"], s["high"], s["low"], s["close"], s["volume"]
    out = []

    def add(name, params, **cols):
        out.append({"indicator": name, "params": params,
                    "columns": {k: [None if np.isnan(x) else float(x) for x in col] for k, col in cols.items()}})

    for n in (10, 30):
        add("sma", {"timeperiod": n}, sma=talib.SMA(c, n))
        add("ema", {"timeperiod": n}, ema=talib.EMA(c, n))
        add("wma", {"timeperiod": n}, wma=talib.WMA(c, n))
    add("rsi", {"timeperiod": 14}, rsi=talib.RSI(c, 14))
    k, d = talib.STOCH(h, l, c, fastk_period=14, slowk_period=3, slowk_matype=0, slowd_period=3, slowd_matype=0)
    add("stoch", {"fastk_period": 14, "slowk_period": 3, "slowd_period": 3}, slowk=k, slowd=d)
    k, d = talib.STOCHRSI(c, timeperiod=14, fastk_period=14, fastd_period=3, fastd_matype=0)
    add("stochrsi", {"timeperiod": 14, "fastk_period": 14, "fastd_period": 3}, fastk=k, fastd=d)
    add("cci", {"timeperiod": 20}, cci=talib.CCI(h, l, c, 20))
    add("adx", {"timeperiod": 14}, adx=talib.ADX(h, l, c, 14), plus_di=talib.PLUS_DI(h, l, c, 14),
        minus_di=talib.MINUS_DI(h, l, c, 14))
    add("mom", {"timeperiod": 10}, mom=talib.MOM(c, 10))
    m, sig, hist = talib.MACD(c, 12, 26, 9)
    add("macd", {"fastperiod": 12, "slowperiod": 26, "signalperiod": 9}, macd=m, signal=sig, hist=hist)
    add("willr", {"timeperiod": 14}, willr=talib.WILLR(h, l, c, 14))
    add("ultosc", {"timeperiod1": 7, "timeperiod2": 14, "timeperiod3": 28}, ultosc=talib.ULTOSC(h, l, c, 7, 14, 28))
    up, mid, lo = talib.BBANDS(c, 20, 2, 2, 0)
    add("bbands", {"timeperiod": 20, "nbdevup": 2, "nbdevdn": 2}, upper=up, middle=mid, lower=lo)
    add("atr", {"timeperiod": 14}, atr=talib.ATR(h, l, c, 14))
    add("obv", {}, obv=talib.OBV(c, v))
    return out


def main():
    series = {"xrp_1h": xrp(), "walk": walk()}
    doc = {"generator": "tests/reference/gen_talib.py", "talib": talib.__version__,
           "ta_lib_c": talib.__ta_version__.decode() if isinstance(talib.__ta_version__, bytes) else str(talib.__ta_version__),
           "series": {}}
    for name, s in series.items():
        doc["series"][name] = {
            "synthetic": name != "xrp_1h",
            "candles": {k: (v if k == "time" else [float(x) for x in v]) for k, v in s.items()},
            "cases": cases(s),
        }
    path = ROOT / "tests/fixtures/talib/reference.json"
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(path, path.stat().st_size, "bytes")


main()
