//! Every chart on hostile values, on a surface that records what it is asked to draw, under a
//! watchdog: each case must finish (drawn, or refused as out of range) without a panic or a
//! hang, and every coordinate handed to the surface must be finite and near the bitmap.

use barfinex_charts::{
    funding, price, sparkline, Anchor, ChartError, Palette, Rgb, Style, Surface,
};
use barfinex_core::series::{Bar, Candles, Series};
use barfinex_core::signals::{Breakout, Retest};
use std::sync::mpsc;
use std::time::Duration;

/// One primitive drawn: its kind, colour and the points it was given.
#[derive(Clone, Debug)]
struct Op {
    kind: &'static str,
    colour: Rgb,
    points: Vec<(f64, f64)>,
    text: String,
}

/// Records primitives; draws nothing (the canvas does the rasterising in the browser).
#[derive(Default)]
struct Recorder(Vec<Op>);

impl Recorder {
    fn push(&mut self, kind: &'static str, colour: Rgb, points: Vec<(f64, f64)>, text: &str) {
        for (x, y) in &points {
            assert!(
                x.is_finite() && y.is_finite() && x.abs() <= 1e6 && y.abs() <= 1e6,
                "{kind} at ({x}, {y})"
            );
        }
        let text = text.to_owned();
        self.0.push(Op {
            kind,
            colour,
            points,
            text,
        });
    }
}

impl Surface for Recorder {
    fn size(&self) -> (f64, f64) {
        (1280.0, 520.0)
    }
    fn rect(&mut self, [x, y, w, h]: [f64; 4], c: Rgb, alpha: f64) {
        assert!(w >= 0.0 && h >= 0.0 && (0.0..=1.0).contains(&alpha));
        self.push("rect", c, vec![(x, y), (x + w, y + h)], "");
    }
    fn path(&mut self, points: &[(f64, f64)], c: Rgb, width: f64) {
        assert!(width >= 1.0 && points.len() >= 2);
        self.push("path", c, points.to_vec(), "");
    }
    fn circle(&mut self, at: (f64, f64), r: f64, c: Rgb, _: Option<f64>) {
        assert!(r >= 1.0);
        self.push("circle", c, vec![at], "");
    }
    fn polygon(&mut self, points: &[(f64, f64)], c: Rgb) {
        self.push("polygon", c, points.to_vec(), "");
    }
    fn text(&mut self, text: &str, at: (f64, f64), px: f64, c: Rgb, _: Anchor) {
        assert!(px >= 1.0 && !text.is_empty());
        self.push("text", c, vec![at], text);
    }
}

/// Runs `draw` on a fresh recorder in its own thread; fails the test if it takes over 20 s or
/// panics. Returns the result and what was drawn.
fn watched(
    what: String,
    draw: impl FnOnce(&mut dyn Surface, &Style) -> Result<(), ChartError> + Send + 'static,
) -> (Result<(), ChartError>, Vec<Op>) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut rec = Recorder::default();
        let style = Style {
            dpr: 2.0,
            ..Style::default()
        };
        let r = draw(&mut rec, &style);
        let _ = tx.send((r, rec.0));
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still drawing after 20 s (a hang)"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked while drawing"),
    }
}

const MAX: f64 = 1.797_693_134_862_315_7e308;
const SUB: f64 = 5e-324;

fn candles(rows: &[[f64; 5]]) -> Candles {
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Bar {
            time: 1_700_000_000_000 + i as i64 * 3_600_000,
            open: r[0],
            high: r[1],
            low: r[2],
            close: r[3],
            volume: r[4],
        })
        .collect();
    Candles::from_bars(&bars)
}

fn series(values: &[f64]) -> Series {
    Series {
        time: (0..values.len() as i64)
            .map(|i| 1_700_000_000_000 + i * 28_800_000)
            .collect(),
        value: values.to_vec(),
    }
}

/// (name, values, drawable?)
fn cases() -> Vec<(&'static str, Vec<f64>, bool)> {
    vec![
        ("ordinary", vec![1.0, 1.2, 0.9, 1.1], true),
        ("single point", vec![1.5], true),
        ("zero range", vec![2.0, 2.0, 2.0], true),
        ("all zero", vec![0.0, 0.0], true),
        ("subnormals", vec![SUB, 2.0 * SUB, 0.0], true),
        ("tiny but normal", vec![1e-300, 2e-300], true),
        ("large but drawable", vec![1e300, 1.5e300], true),
        ("f64::MAX", vec![1.0, MAX], false),
        ("-f64::MAX", vec![-MAX, 1.0], false),
        ("both extremes", vec![-MAX, MAX], false),
    ]
}

#[test]
fn price_chart() {
    for (name, v, drawable) in cases() {
        // The values as every price column, and again as the volume.
        let rows: Vec<[f64; 5]> = v.iter().map(|&x| [x, x, x, x, x.abs()]).collect();
        let c = candles(&rows);
        let found = Some((
            Breakout {
                bar: 0,
                up: true,
                level: v[0],
                volume_ratio: 2.0,
            },
            Retest::Seen {
                bar: v.len() - 1,
                lower_volume: true,
                worst_close: v[0],
                held: true,
            },
        ));
        let expect = price::ranges(&c, 0).is_ok();
        let (r, ops) = watched(format!("price, {name}"), move |s, style| {
            price::draw(s, style, &c, 0, found)
        });
        assert_eq!(r.is_ok(), drawable, "price, {name}: {r:?}");
        let drawn = ops.len();
        assert_eq!(drawn > 20, drawable, "price, {name}: {drawn} primitives");
        assert_eq!(
            r.is_ok(),
            expect,
            "price, {name}: ranges() and draw() disagree"
        );
        if !drawable {
            assert_eq!(r, Err(ChartError::OutOfRange));
        }
    }
    // A wide candle: low -1e308, high 1e308 (each finite, the span is not).
    let c = candles(&[[0.0, 1e308, -1e308, 0.0, 1.0]]);
    let (r, _) = watched("price, span past MAX".into(), move |s, style| {
        price::draw(s, style, &c, 0, None)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
    // Volume near MAX with ordinary prices.
    let c = candles(&[[1.0, 1.1, 0.9, 1.0, MAX], [1.0, 1.1, 0.9, 1.0, 1.0]]);
    let (r, _) = watched("price, volume MAX".into(), move |s, style| {
        price::draw(s, style, &c, 0, None)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
}

#[test]
fn funding_chart() {
    for (name, v, drawable) in cases() {
        let f = series(&v);
        let (r, ops) = watched(format!("funding, {name}"), move |s, style| {
            funding::draw(s, style, &f, 0, Some((0, 1, true)))
        });
        assert_eq!(r.is_ok(), drawable, "funding, {name}: {r:?}");
        let drawn = ops.len();
        assert_eq!(drawn > 10, drawable, "funding, {name}: {drawn} primitives");
    }
    // Shown in percent: 1e307 is past MAX once multiplied by 100.
    let f = series(&[0.001, 1e307]);
    let (r, _) = watched("funding, 1e307".into(), move |s, style| {
        funding::draw(s, style, &f, 0, None)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
}

#[test]
fn sparkline() {
    for (name, v, drawable) in cases() {
        let (r, ops) = watched(format!("sparkline, {name}"), move |s, style| {
            sparkline::draw(s, style, &v, true)
        });
        assert_eq!(r.is_ok(), drawable, "sparkline, {name}: {r:?}");
        let drawn = ops.len();
        assert_eq!(
            drawn >= 2,
            drawable,
            "sparkline, {name}: {drawn} primitives"
        );
    }
    let (r, _) = watched("sparkline, empty".into(), |s, style| {
        sparkline::draw(s, style, &[], true)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
}

/// Ordinary candles: one wick and one body per bar in the direction's colour, round price labels
/// inside the candles' band, time labels on whole bars beneath the volume, and the breakout's
/// mark and label in the accent colour.
#[test]
fn candles_labels_and_marks_where_they_belong() {
    let rows: Vec<[f64; 5]> = (0..30)
        .map(|i| {
            let p = 1.0 + (i as f64 * 0.7).sin() * 0.1;
            let close = if i % 3 == 0 { p - 0.02 } else { p + 0.02 };
            [p, p + 0.05, p - 0.05, close, 100.0 + i as f64]
        })
        .collect();
    let c = candles(&rows);
    let found = Some((
        Breakout {
            bar: 20,
            up: true,
            level: 1.05,
            volume_ratio: 2.0,
        },
        Retest::Seen {
            bar: 25,
            lower_volume: true,
            worst_close: 1.04,
            held: true,
        },
    ));
    let (r, ops) = watched("price, ordinary".into(), move |s, style| {
        price::draw(s, style, &c, 0, found)
    });
    assert_eq!(r, Ok(()));
    let p = Palette::default();
    let count = |kind: &str, colour: Rgb| {
        ops.iter()
            .filter(|o| o.kind == kind && o.colour == colour)
            .count()
    };
    // 30 bars: 10 falling (every third), 20 rising; each a wick and a body.
    assert_eq!(count("path", p.negative) + count("path", p.positive), 30);
    assert_eq!(count("rect", p.negative), 10);
    assert_eq!(count("rect", p.positive), 20);
    // Volume: 29 muted bars and the breakout's in the accent colour.
    assert_eq!(count("rect", p.muted), 29);
    assert_eq!(count("rect", p.accent), 1);
    assert_eq!(count("circle", p.accent), 1);
    assert_eq!(count("polygon", p.accent), 1);
    let texts: Vec<&Op> = ops.iter().filter(|o| o.kind == "text").collect();
    assert!(texts
        .iter()
        .any(|o| o.text == "breakout 1.05" && o.colour == p.accent));
    // Price labels, in the upper 72% left of the plot: round values inside the candles' band
    // (0.85 to 1.15, padded), 3 to 11 of them.
    let prices: Vec<&Op> = texts
        .iter()
        .copied()
        .filter(|o| o.points[0].1 <= 520.0 * 0.72 && o.colour == p.muted)
        .collect();
    assert!((3..=11).contains(&prices.len()), "{prices:?}");
    for o in &prices {
        let v: f64 = o.text.parse().unwrap_or(f64::NAN);
        assert!((v * 100.0 - (v * 100.0).round()).abs() < 1e-9, "{}", o.text);
        assert!((0.8..1.2).contains(&v), "{}", o.text);
        assert!(o.points[0].0 < 112.0, "{o:?}");
    }
    // Time labels (`11-14 22:00`) under the volume bars, at most about four.
    let times: Vec<&Op> = texts
        .iter()
        .copied()
        .filter(|o| o.text.contains(':'))
        .collect();
    assert!((2..=9).contains(&times.len()), "{times:?}");
    assert!(times.iter().all(|o| o.points[0].1 > 520.0 - 44.0));
}

/// A keyboard reader's cursor adds one mark on a drawn point, and none anywhere else (before the
/// first drawn point, past the end, at `usize::MAX`): never a panic on an index from outside.
#[test]
fn cursor_marks_only_drawn_points() {
    let rows: Vec<[f64; 5]> = (0..10)
        .map(|i| {
            let p = 1.0 + i as f64 * 0.01;
            [p, p + 0.02, p - 0.02, p + 0.01, 100.0 + i as f64]
        })
        .collect();
    let values: Vec<f64> = rows.iter().map(|r| r[3]).collect();
    let drawn = |cursor: Option<usize>| {
        let (c, f, v) = (candles(&rows), series(&values), values.clone());
        let at = |what: &str| format!("{what}, cursor {cursor:?}");
        let (a, n1) = watched(at("price"), move |s, style| {
            price::draw(s, &Style { cursor, ..*style }, &c, 4, None)
        });
        let (b, n2) = watched(at("funding"), move |s, style| {
            funding::draw(s, &Style { cursor, ..*style }, &f, 4, None)
        });
        let (s, n3) = watched(at("sparkline"), move |s, style| {
            sparkline::draw(s, &Style { cursor, ..*style }, &v, true)
        });
        assert!(a.is_ok() && b.is_ok() && s.is_ok(), "{a:?} {b:?} {s:?}");
        [n1.len(), n2.len(), n3.len()]
    };
    let none = drawn(None);
    for off in [Some(3), Some(10), Some(usize::MAX)] {
        let [p, f, _] = drawn(off);
        assert_eq!([p, f], [none[0], none[1]], "cursor {off:?} is not drawn");
    }
    let [p, f, s] = drawn(Some(9));
    assert_eq!(p, none[0] + 2, "price and volume each get a line");
    assert_eq!(f, none[1] + 1);
    assert_eq!(s, none[2] + 1);
    assert_eq!(drawn(Some(usize::MAX))[2], none[2]);
}
