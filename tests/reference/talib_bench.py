"""TA-Lib on the technical rating's indicator set, for the README's comparison (not run by CI):
    /tmp/talib/bin/python tests/reference/talib_bench.py   (venv as in gen_talib.py)
"""
import time, numpy as np, talib
n=1_000_000
rng=np.random.RandomState(1)
c=100*np.exp(np.cumsum(rng.normal(0,0.01,n))); o=np.r_[c[0],c[:-1]]
h=np.maximum(o,c)*(1+rng.rand(n)*0.005); l=np.minimum(o,c)*(1-rng.rand(n)*0.005); v=1000+rng.rand(n)*9000
hl2=(h+l)/2
def rating_set():
    for p in (10,20,30,50,100,200): talib.SMA(c,p); talib.EMA(c,p)
    talib.WMA(c,4); talib.WMA(c,9); talib.WMA(c,3)   # HMA 9 parts
    talib.SMA(c*v,20); talib.SMA(v,20)               # VWMA 20
    talib.MAX(h,9); talib.MIN(l,9); talib.MAX(h,26); talib.MIN(l,26); talib.MAX(h,52); talib.MIN(l,52)  # Ichimoku
    talib.RSI(c,14); talib.STOCH(h,l,c,14,3,0,3,0); talib.CCI(h,l,c,20)
    talib.ADX(h,l,c,14); talib.PLUS_DI(h,l,c,14); talib.MINUS_DI(h,l,c,14)
    talib.SMA(hl2,5); talib.SMA(hl2,34); talib.MOM(c,10); talib.MACD(c,12,26,9)
    talib.STOCHRSI(c,14,14,3,0); talib.WILLR(h,l,c,14); talib.EMA(c,13); talib.ULTOSC(h,l,c,7,14,28)
best=1e9
for _ in range(5):
    t=time.perf_counter(); rating_set(); best=min(best,time.perf_counter()-t)
print(f"TA-Lib rating-equivalent set: {best*1e9/n:.1f} ns/bar (1M bars, best of 5)")
