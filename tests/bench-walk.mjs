// The benchmarks' input, shared by www/bench.html (browser) and tests/bench-node.mjs (Node).
/** The same xorshift random walk as ta/benches/support/walk.rs (seed, step 0.02). */
export function walk(n) {
  let s = 0x9E3779B97F4A7C15n;
  const mask = (1n << 64n) - 1n;
  const next = () => {
    s ^= (s << 13n) & mask; s ^= s >> 7n; s ^= (s << 17n) & mask;
    return Number(s >> 11n) / 2 ** 53;
  };
  const c = { time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  let close = 100;
  for (let i = 0; i < n; i++) {
    const open = close;
    close *= 1 + (next() - 0.5) * 0.02;
    c.time[i] = i * 60000; c.open[i] = open;
    c.high[i] = Math.max(open, close) * (1 + next() * 0.005);
    c.low[i] = Math.min(open, close) * (1 - next() * 0.005);
    c.close[i] = close; c.volume[i] = 1000 + next() * 9000;
  }
  return c;
}
