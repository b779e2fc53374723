//! The fault modes that replace the whole answer with a hostile body (see `faults`): a gzip
//! bomb, deep nesting, a very wide CSV. Each is built once per size and kept.

use crate::faults::Faults;
use crate::http::Response;
use flate2::{write::GzEncoder, Compression};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

/// The answer a body fault asks for, if any.
pub fn fault_body(f: &Faults) -> Option<Response> {
    if f.bomb_mb > 0 {
        let gz = bomb(f.bomb_mb as usize);
        return Some(
            Response::new(200, "application/json", gz.as_slice())
                .with_header("Content-Encoding", "gzip"),
        );
    }
    if f.deep > 0 {
        let n = f.deep as usize;
        return Some(Response::json(format!(
            "{}{}",
            "[".repeat(n),
            "]".repeat(n)
        )));
    }
    if f.tiny_mb > 0 {
        let rows = ((f.tiny_mb as usize) << 20) / 4;
        let mut body = String::with_capacity(rows * 4 + 2);
        body.push('[');
        for i in 0..rows {
            body.push_str(if i == 0 { "[0]" } else { ",[0]" });
        }
        body.push(']');
        return Some(Response::json(body));
    }
    if f.wide > 0 {
        let mut csv = String::from("time");
        for i in 0..f.wide {
            csv.push_str(&format!(",v{}", i % 10));
        }
        csv.push_str("\n1700000000000,1\n");
        return Some(Response::new(200, "text/csv; charset=utf-8", csv));
    }
    None
}

/// `mb` MiB of `[[0,1,1,1,1,1],…` gzipped (about a thousandth of that on the wire).
fn bomb(mb: usize) -> Arc<Vec<u8>> {
    static BOMBS: OnceLock<Mutex<HashMap<usize, Arc<Vec<u8>>>>> = OnceLock::new();
    let bombs = BOMBS.get_or_init(Default::default);
    if let Some(b) = bombs.lock().ok().and_then(|m| m.get(&mb).cloned()) {
        return b;
    }
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    let _ = gz.write_all(b"[");
    let chunk = b"[0,1,1,1,1,1],".repeat(65_536 / 14);
    let mut written = 1;
    while written < mb << 20 {
        let _ = gz.write_all(&chunk);
        written += chunk.len();
    }
    let b = Arc::new(gz.finish().unwrap_or_default());
    if let Ok(mut m) = bombs.lock() {
        m.insert(mb, Arc::clone(&b));
    }
    b
}
