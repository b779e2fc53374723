use crate::web::reader::{Form, Reader};
use barfinex_charts::{ChartText, Plain};
use barfinex_core::locale::fill;

/// Tick labels and marks in the reader's language and time zone; the plain forms where `Intl`
/// cannot write a time.
impl ChartText for Reader {
    fn price(&self, v: f64) -> String {
        self.n().num(v)
    }
    fn volume(&self, v: f64) -> String {
        self.n().compact(v)
    }
    fn percent(&self, v: f64) -> String {
        self.n().percent(v, 3, false)
    }
    fn day(&self, ms: i64) -> String {
        self.tick(Form::Day, ms).unwrap_or_else(|| Plain.day(ms))
    }
    fn minute(&self, ms: i64) -> String {
        self.tick(Form::Minute, ms)
            .unwrap_or_else(|| Plain.minute(ms))
    }
    fn breakout(&self, level: f64) -> String {
        fill(
            self.locale.chart_words().breakout_mark,
            &[&self.n().num(level)],
        )
    }
}
