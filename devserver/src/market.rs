//! The local market-data server: the exchanges' wire formats, served on 127.0.0.1 with CORS
//! headers like the real APIs. XRPUSDT answers with the real recorded sample (tests/fixtures/
//! real/); every other symbol with deterministic synthetic data (see `synth`).

use crate::http::{Request, Response};
use crate::interval::{self, Step};
use crate::synth;
use std::cell::Cell;
use std::path::Path;

const HOUR: i64 = 3_600_000;

/// The recorded sample, if the server runs from the repository.
pub struct Recorded {
    pub candles: Vec<[f64; 6]>,
    pub funding: Vec<[f64; 6]>,
}

impl Recorded {
    pub fn load(root: &Path) -> Option<Self> {
        let read = |f: &str| std::fs::read_to_string(root.join("tests/fixtures/real").join(f)).ok();
        Some(Self {
            candles: parse_rows(&read("xrpusdt-perp-1h-ohlcv.json")?)?,
            funding: parse_rows(&read("xrpusdt-perp-8h-funding.json")?)?,
        })
    }
}

/// Parses `[[n, n, n, n, n, n], …]` without a JSON crate (the files are ours and regular).
fn parse_rows(text: &str) -> Option<Vec<[f64; 6]>> {
    let mut rows = Vec::new();
    for chunk in text.split('[').skip(2) {
        let inner = chunk.split(']').next()?;
        let vals: Vec<f64> = inner
            .split(',')
            .filter_map(|v| v.trim().parse().ok())
            .collect();
        rows.push(vals.try_into().ok()?);
    }
    Some(rows)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A numeric parameter within `1..=max` (`default` when absent); `Err` with a 400 otherwise.
fn number(req: &Request, key: &str, default: usize, max: usize) -> Result<usize, Response> {
    match req.param(key) {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(bad(&format!(
                "parameter '{key}' must be a whole number from 1 to {max}"
            ))),
        },
    }
}

fn limit(req: &Request, default: usize, max: usize) -> Result<usize, Response> {
    number(req, "limit", default, max)
}

/// A symbol, pair, coin id or series name: letters, digits, `.`, `_`, `-`, at most 40. The
/// answers copy it into JSON and CSV, so anything else is refused rather than escaped.
fn name(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// A 400 whose body never repeats what was sent.
fn bad(msg: &str) -> Response {
    Response::new(
        400,
        "application/json",
        format!(r#"{{"code":-1100,"msg":"{msg}"}}"#),
    )
}

/// Candles for a symbol: the recorded XRP sample, or synthetic ones ending at the current bar.
fn candles(rec: Rec, symbol: &str, step: Step, n: usize) -> Vec<[f64; 6]> {
    match rec {
        Some((r, used)) if symbol.starts_with("XRP") && step == Step::Millis(HOUR) => {
            used.set(true);
            r.candles[r.candles.len().saturating_sub(n)..].to_vec()
        }
        _ => {
            let nominal = step.nominal_ms();
            let mut rows = synth::candles(&format!("{symbol}:{nominal}"), n, 0, nominal);
            for (row, t) in rows.iter_mut().zip(interval::opens(step, now_ms(), n)) {
                row[0] = t as f64;
            }
            rows
        }
    }
}

fn funding(rec: Rec, symbol: &str, n: usize) -> Vec<(i64, f64)> {
    match rec {
        Some((r, used)) if symbol.starts_with("XRP") => {
            used.set(true);
            r.funding[r.funding.len().saturating_sub(n)..]
                .iter()
                .map(|f| (f[0] as i64, f[1]))
                .collect()
        }
        _ => synth::points(
            &format!("{symbol}:funding"),
            n,
            now_ms() / (8 * HOUR) * 8 * HOUR,
            8 * HOUR,
            0.0001,
            0.00008,
            -0.0000012,
        ),
    }
}

fn s(x: f64) -> String {
    format!("\"{x}\"")
}

/// The recorded sample, and a flag set when an answer used it.
type Rec<'a> = Option<(&'a Recorded, &'a Cell<bool>)>;

/// Answers one request; the flag says whether the numbers are synthetic (everything but the
/// recorded XRP sample).
pub fn route(req: &Request, recorded: Option<&Recorded>) -> (Response, bool) {
    let used = Cell::new(false);
    let resp = answer(req, recorded.map(|r| (r, &used)));
    (resp, !used.get())
}

fn answer(req: &Request, rec: Rec) -> Response {
    answer_checked(req, rec).unwrap_or_else(|bad| bad)
}

fn answer_checked(req: &Request, rec: Rec) -> Result<Response, Response> {
    let p = req.path.as_str();
    let symbol = req
        .param("symbol")
        .or(req.param("pair"))
        .unwrap_or("FLUXUSDT")
        .to_owned();
    if !name(&symbol) {
        return Err(bad(
            "illegal characters in parameter 'symbol' (letters, digits, '.', '_', '-'; at most 40)",
        ));
    }
    Ok(match p {
        "/binance/api/v3/klines" | "/binance/fapi/v1/klines" => {
            let Some(iv) = req.param("interval").and_then(interval::binance) else {
                return Err(Response::new(
                    400,
                    "application/json",
                    r#"{"code":-1120,"msg":"Invalid interval."}"#,
                ));
            };
            let rows: Vec<String> = candles(rec, &symbol, iv, limit(req, 500, 1500)?)
                .iter()
                .map(|r| {
                    let t = r[0] as i64;
                    format!(
                        "[{t},{},{},{},{},{},{},{},0,\"0\",\"0\",\"0\"]",
                        s(r[1]),
                        s(r[2]),
                        s(r[3]),
                        s(r[4]),
                        s(r[5]),
                        interval::close_time(iv, t),
                        s(r[5] * r[4])
                    )
                })
                .collect();
            Response::json(format!("[{}]", rows.join(",")))
        }
        "/binance/fapi/v1/fundingRate" => {
            let rows: Vec<String> = funding(rec, &symbol, limit(req, 100, 1000)?)
                .iter()
                .map(|(t, r)| format!(r#"{{"symbol":"{symbol}","fundingTime":{t},"fundingRate":"{r:.8}","markPrice":""}}"#))
                .collect();
            Response::json(format!("[{}]", rows.join(",")))
        }
        "/binance/futures/data/openInterestHist" => {
            let n = limit(req, 30, 500)?;
            let Some(Step::Millis(iv)) = req.param("period").and_then(interval::binance_oi) else {
                return Err(Response::new(
                    400,
                    "application/json",
                    r#"{"code":-1130,"msg":"Data sent for parameter 'period' is not valid."}"#,
                ));
            };
            let rows: Vec<String> = synth::points(&format!("{symbol}:oi"), n, now_ms() / iv * iv, iv, 5.0e7, 1.5e6, -2.0e4)
                .iter()
                .map(|(t, v)| format!(r#"{{"symbol":"{symbol}","sumOpenInterest":"{v:.4}","sumOpenInterestValue":"{:.4}","timestamp":"{t}"}}"#, v * 0.5))
                .collect();
            Response::json(format!("[{}]", rows.join(",")))
        }
        "/bybit/v5/market/kline" => {
            let iv = req.param("interval").and_then(interval::bybit);
            let Some(iv) = iv else {
                return Err(Response::json(r#"{"retCode":10001,"retMsg":"params error: interval invalid","result":{},"time":0}"#.into()));
            };
            let rows: Vec<String> = candles(rec, &symbol, iv, limit(req, 200, 1000)?)
                .iter()
                .rev()
                .map(|r| {
                    format!(
                        "[\"{}\",{},{},{},{},{},{}]",
                        r[0] as i64,
                        s(r[1]),
                        s(r[2]),
                        s(r[3]),
                        s(r[4]),
                        s(r[5]),
                        s(r[5] * r[4])
                    )
                })
                .collect();
            Response::json(format!(
                r#"{{"retCode":0,"retMsg":"OK","result":{{"symbol":"{symbol}","category":"linear","list":[{}]}},"retExtInfo":{{}},"time":{}}}"#,
                rows.join(","),
                now_ms()
            ))
        }
        "/bybit/v5/market/funding/history" => {
            let rows: Vec<String> = funding(rec, &symbol, limit(req, 200, 200)?)
                .iter()
                .rev()
                .map(|(t, r)| format!(r#"{{"symbol":"{symbol}","fundingRate":"{r:.8}","fundingRateTimestamp":"{t}"}}"#))
                .collect();
            Response::json(format!(
                r#"{{"retCode":0,"retMsg":"OK","result":{{"category":"linear","list":[{}]}},"retExtInfo":{{}},"time":{}}}"#,
                rows.join(","),
                now_ms()
            ))
        }
        "/kraken/0/public/OHLC" => {
            let Some(iv) = interval::kraken(req.param("interval")) else {
                return Err(Response::json(
                    r#"{"error":["EGeneral:Invalid arguments:interval"]}"#.into(),
                ));
            };
            let rows: Vec<String> = candles(rec, &symbol, iv, 720)
                .iter()
                .map(|r| {
                    format!(
                        "[{},{},{},{},{},{},{},0]",
                        r[0] as i64 / 1000,
                        s(r[1]),
                        s(r[2]),
                        s(r[3]),
                        s(r[4]),
                        s((r[2] + r[3] + r[4]) / 3.0),
                        s(r[5])
                    )
                })
                .collect();
            Response::json(format!(
                r#"{{"error":[],"result":{{"{symbol}":[{}],"last":{}}}}}"#,
                rows.join(","),
                now_ms() / 1000
            ))
        }
        _ if p.starts_with("/coingecko/api/v3/coins/") => {
            let rest = &p["/coingecko/api/v3/coins/".len()..];
            let (id, what) = rest.split_once('/').unwrap_or((rest, ""));
            if !name(id) {
                return Err(bad("illegal characters in the coin id"));
            }
            let days = number(req, "days", 30, 365)? as i64;
            let rows = candles(
                rec,
                &format!("{}USDT", id.to_uppercase()),
                Step::Millis(HOUR),
                (days * 24) as usize,
            );
            match what {
                "market_chart" => {
                    let pairs = |f: &dyn Fn(&[f64; 6]) -> f64| {
                        rows.iter()
                            .map(|r| format!("[{},{}]", r[0] as i64, f(r)))
                            .collect::<Vec<_>>()
                            .join(",")
                    };
                    Response::json(format!(
                        r#"{{"prices":[{}],"market_caps":[{}],"total_volumes":[{}]}}"#,
                        pairs(&|r| r[4]),
                        pairs(&|r| (r[4] * 3.2e8 * 100.0).round() / 100.0),
                        pairs(&|r| (r[5] * r[4] * 100.0).round() / 100.0)
                    ))
                }
                "ohlc" => Response::json(format!(
                    "[{}]",
                    rows.iter()
                        .map(|r| format!("[{},{},{},{},{}]", r[0] as i64, r[1], r[2], r[3], r[4]))
                        .collect::<Vec<_>>()
                        .join(",")
                )),
                _ => Response::new(404, "application/json", r#"{"error":"Not Found"}"#),
            }
        }
        _ if p.starts_with("/series/") => {
            let file = &p["/series/".len()..];
            let (series, ext) = file.rsplit_once('.').unwrap_or((file, "json"));
            if !name(series) {
                return Err(bad("illegal characters in the series name"));
            }
            let name = series;
            let (base, noise, trend) = match name {
                "exchange_supply_share" => (0.12, 0.0015, 0.00012),
                "lth_supply_share" => (0.55, 0.002, 0.0002),
                // Macro series a site would supply (policy rate in %, a CPI index).
                "policy_rate" => (4.0, 0.004, 0.004),
                "cpi" => (300.0, 0.05, 0.04),
                _ => (1.0, 0.01, 0.0),
            };
            let day = 24 * HOUR;
            let pts = synth::points(
                &format!("{symbol}:{name}"),
                limit(req, 400, 2000)?,
                now_ms() / day * day,
                day,
                base,
                noise,
                trend,
            );
            if ext == "csv" {
                let mut out = format!("time,{name}\n");
                for (t, v) in &pts {
                    out.push_str(&format!("{t},{v}\n"));
                }
                Response::new(200, "text/csv; charset=utf-8", out)
            } else {
                Response::json(format!(
                    "[{}]",
                    pts.iter()
                        .map(|(t, v)| format!("[{t},{v}]"))
                        .collect::<Vec<_>>()
                        .join(",")
                ))
            }
        }
        _ => Response::new(
            404,
            "application/json",
            r#"{"code":-1,"msg":"no such endpoint on the local market-data server"}"#,
        ),
    })
}
