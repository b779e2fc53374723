//! A canvas's 2D context as a chart's [`Surface`].

use barfinex_charts::{Anchor, ChartError, Rgb, Surface};
use std::f64::consts::TAU;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Draws a chart on a canvas's 2D context, in its bitmap's pixels.
///
/// ```no_run
/// # use barfinex_widgets::web::components::{ChartCanvas, CanvasSurface};
/// # use leptos::prelude::*;
/// view! { <ChartCanvas height=120 label="Closes" draw=|ctx| {
///     let mut s = CanvasSurface::new(ctx.canvas)?;
///     barfinex_charts::sparkline::draw(&mut s, &ctx.style, &[1.0, 1.2, 1.1], true)
/// }/> };
/// ```
pub struct CanvasSurface {
    ctx: CanvasRenderingContext2d,
    size: (f64, f64),
}

impl CanvasSurface {
    /// The canvas's 2D context; an error if the canvas has none.
    pub fn new(canvas: &HtmlCanvasElement) -> Result<Self, ChartError> {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| ChartError::Draw("the canvas has no 2D context".into()))?;
        let size = (canvas.width() as f64, canvas.height() as f64);
        Ok(CanvasSurface { ctx, size })
    }

    fn trace(&self, points: &[(f64, f64)]) {
        self.ctx.begin_path();
        for (i, (x, y)) in points.iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(*x, *y);
            } else {
                self.ctx.line_to(*x, *y);
            }
        }
    }
}

/// `rgb(r,g,b)`, or `rgba(r,g,b,0.nn)` below full opacity (two digits, written as an integer:
/// no float formatting in the module for this).
fn css(Rgb(r, g, b): Rgb, alpha: f64) -> String {
    if alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        let a = (alpha.max(0.0) * 100.0).round() as u32;
        format!("rgba({r},{g},{b},0.{a:02})")
    }
}

impl Surface for CanvasSurface {
    fn size(&self) -> (f64, f64) {
        self.size
    }

    fn rect(&mut self, [x, y, w, h]: [f64; 4], colour: Rgb, alpha: f64) {
        self.ctx.set_fill_style_str(&css(colour, alpha));
        self.ctx.fill_rect(x, y, w, h);
    }

    fn path(&mut self, points: &[(f64, f64)], colour: Rgb, width: f64) {
        self.trace(points);
        self.ctx.set_stroke_style_str(&css(colour, 1.0));
        self.ctx.set_line_width(width);
        self.ctx.stroke();
    }

    fn circle(&mut self, (x, y): (f64, f64), r: f64, colour: Rgb, stroke: Option<f64>) {
        self.ctx.begin_path();
        let _ = self.ctx.arc(x, y, r, 0.0, TAU);
        match stroke {
            Some(width) => {
                self.ctx.set_stroke_style_str(&css(colour, 1.0));
                self.ctx.set_line_width(width);
                self.ctx.stroke();
            }
            None => {
                self.ctx.set_fill_style_str(&css(colour, 1.0));
                self.ctx.fill();
            }
        }
    }

    fn polygon(&mut self, points: &[(f64, f64)], colour: Rgb) {
        self.trace(points);
        self.ctx.close_path();
        self.ctx.set_fill_style_str(&css(colour, 1.0));
        self.ctx.fill();
    }

    fn text(&mut self, text: &str, (x, y): (f64, f64), px: f64, colour: Rgb, anchor: Anchor) {
        let (align, baseline) = match anchor {
            Anchor::EndMiddle => ("right", "middle"),
            Anchor::CentreTop => ("center", "top"),
            Anchor::StartTop => ("left", "top"),
        };
        self.ctx
            .set_font(&format!("{}px sans-serif", px.round() as u32));
        self.ctx.set_text_align(align);
        self.ctx.set_text_baseline(baseline);
        self.ctx.set_fill_style_str(&css(colour, 1.0));
        let _ = self.ctx.fill_text(text, x, y);
    }
}
