use crate::web::components::primitives::{maybe, CollectAny};
use crate::web::components::Packed;
use crate::web::reader::use_reader;
use barfinex_core::locale::{fill, ChartTexts};
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// A chart's points as text: column headings and each point's cells. Read by the "show data"
/// table and by the announcement of the point a keyboard reader moves to. Cells are written
/// when asked for (a page of charts formats nothing until a reader looks).
#[derive(Clone)]
pub struct ChartData {
    /// Column headings; the first column heads each row (the time).
    pub columns: Vec<&'static str>,
    /// The points drawn, as indices into the series.
    pub points: Range<usize>,
    /// The cells of point `i`, one per column.
    pub cells: Arc<dyn Fn(usize) -> Vec<String> + Send + Sync>,
}

impl ChartData {
    /// Point `i` as a screen reader hears it: "point 3 of 48: Time Nov 30, …; Close 0.97".
    pub fn announce(&self, w: &ChartTexts, i: usize) -> String {
        let n = i.saturating_sub(self.points.start) + 1;
        let mut s = fill(
            w.point_of,
            &[&n.to_string(), &self.points.len().to_string()],
        );
        s.push_str(": ");
        let cells = (self.cells)(i);
        for (k, (col, cell)) in self.columns.iter().zip(&cells).enumerate() {
            if k > 0 {
                s.push_str("; ");
            }
            s.push_str(col);
            s.push(' ');
            s.push_str(cell);
        }
        s
    }
}

/// A "show data" disclosure holding the chart's points as a table (a row per point, oldest
/// first, the time heading each row). The table is built when first opened.
#[component]
pub fn DataTable(
    /// The points and how to write them.
    data: ChartData,
) -> impl IntoView {
    let w = use_reader().locale.chart_words();
    let open = Packed::new(false);
    let table = move || {
        maybe(open.get().then(|| {
            let head = data
                .columns
                .iter()
                .map(|c| view! { <th scope="col">{*c}</th> })
                .collect_any();
            let rows = data
                .points
                .clone()
                .map(|i| {
                    let mut cells = (data.cells)(i).into_iter();
                    let first = cells.next().unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">{first}</th>
                            {cells.map(|c| view! { <td>{c}</td> }).collect_any()}
                        </tr>
                    }
                })
                .collect_any();
            view! {
                <table class="bfx-chart__table">
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }))
    };
    view! {
        <details part="data" class="bfx-details bfx-chart__data"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{w.show_data}</summary>
            {table}
        </details>
    }
}
