//! Every chart on hostile values, on a backend that only counts what it is asked to draw, under
//! a watchdog: each case must finish (drawn, or refused as out of range) without a panic or a
//! hang. Before the range checks, ±f64::MAX made plotters' tick search loop forever.

use barfinex_charts::{funding, price, sparkline, ChartError, Style};
use barfinex_core::series::{Bar, Candles, Series};
use barfinex_core::signals::{Breakout, Retest};
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// Counts primitives; draws nothing (the canvas does the rasterising in the browser).
struct Counter(Arc<AtomicUsize>);

#[derive(Debug)]
struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}
impl std::error::Error for Never {}

type R = Result<(), DrawingErrorKind<Never>>;

impl DrawingBackend for Counter {
    type ErrorType = Never;
    fn get_size(&self) -> (u32, u32) {
        (640, 260)
    }
    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }
    fn present(&mut self) -> R {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, _: &S) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, _: BackendCoord, _: u32, _: &S, _: bool) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, _: &str, _: &S, _: BackendCoord) -> R {
        self.0.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        _: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Never>> {
        Ok((6 * text.len() as u32, 11))
    }
}

/// Runs `draw` on a fresh backend in its own thread; fails the test if it takes over 20 s or
/// panics. Returns the result and how many primitives were drawn.
fn watched(
    what: String,
    draw: impl FnOnce(&DrawingArea<Counter, plotters::coord::Shift>, &Style) -> Result<(), ChartError>
        + Send
        + 'static,
) -> (Result<(), ChartError>, usize) {
    let (tx, rx) = mpsc::channel();
    let drawn = Arc::new(AtomicUsize::new(0));
    let counter = Counter(Arc::clone(&drawn));
    std::thread::spawn(move || {
        let root = counter.into_drawing_area();
        let style = Style {
            dpr: 2.0,
            ..Style::default()
        };
        let _ = tx.send(draw(&root, &style));
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(r) => (r, drawn.load(Ordering::Relaxed)),
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
        let (r, drawn) = watched(format!("price, {name}"), move |root, style| {
            price::draw(root, style, &c, 0, found)
        });
        assert_eq!(r.is_ok(), drawable, "price, {name}: {r:?}");
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
    let (r, _) = watched("price, span past MAX".into(), move |root, style| {
        price::draw(root, style, &c, 0, None)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
    // Volume near MAX with ordinary prices.
    let c = candles(&[[1.0, 1.1, 0.9, 1.0, MAX], [1.0, 1.1, 0.9, 1.0, 1.0]]);
    let (r, _) = watched("price, volume MAX".into(), move |root, style| {
        price::draw(root, style, &c, 0, None)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
}

#[test]
fn funding_chart() {
    for (name, v, drawable) in cases() {
        let f = series(&v);
        let (r, drawn) = watched(format!("funding, {name}"), move |root, style| {
            funding::draw(root, style, &f, 0, Some((0, 1, true)))
        });
        assert_eq!(r.is_ok(), drawable, "funding, {name}: {r:?}");
        assert_eq!(drawn > 10, drawable, "funding, {name}: {drawn} primitives");
    }
    // Shown in percent: 1e307 is past MAX once multiplied by 100.
    let f = series(&[0.001, 1e307]);
    let (r, _) = watched("funding, 1e307".into(), move |root, style| {
        funding::draw(root, style, &f, 0, None)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
}

#[test]
fn sparkline() {
    for (name, v, drawable) in cases() {
        let (r, drawn) = watched(format!("sparkline, {name}"), move |root, style| {
            sparkline::draw(root, style, &v, true)
        });
        assert_eq!(r.is_ok(), drawable, "sparkline, {name}: {r:?}");
        assert_eq!(
            drawn >= 2,
            drawable,
            "sparkline, {name}: {drawn} primitives"
        );
    }
    let (r, _) = watched("sparkline, empty".into(), |root, style| {
        sparkline::draw(root, style, &[], true)
    });
    assert_eq!(r, Err(ChartError::OutOfRange));
}

/// The checks are what keeps plotters from hanging: without them, the same range hangs.
#[test]
fn unchecked_max_range_hangs_plotters() {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let root = Counter(Arc::new(AtomicUsize::new(0))).into_drawing_area();
        let chart = ChartBuilder::on(&root).build_cartesian_2d(0.0..1.0, 0.0..MAX * 1.06);
        if let Ok(mut chart) = chart {
            let _ = chart.configure_mesh().y_labels(5).draw();
        }
        let _ = tx.send(());
    });
    assert!(
        rx.recv_timeout(Duration::from_secs(3)).is_err(),
        "plotters no longer hangs on an infinite span: the range checks may be revisited"
    );
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
        let (a, n1) = watched(at("price"), move |root, style| {
            price::draw(root, &Style { cursor, ..*style }, &c, 4, None)
        });
        let (b, n2) = watched(at("funding"), move |root, style| {
            funding::draw(root, &Style { cursor, ..*style }, &f, 4, None)
        });
        let (s, n3) = watched(at("sparkline"), move |root, style| {
            sparkline::draw(root, &Style { cursor, ..*style }, &v, true)
        });
        assert!(a.is_ok() && b.is_ok() && s.is_ok(), "{a:?} {b:?} {s:?}");
        [n1, n2, n3]
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
