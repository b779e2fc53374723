//! The fault modes that replace the whole answer with a hostile body (see `faults`): a gzip
//! bomb, deep nesting, a very wide CSV. Each is built once per size and kept.

use crate::faults::Faults;
use crate::http::Response;
use flate2::{Compress, Compression, Crc, FlushCompress};
use std::collections::HashMap;
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

/// `mb` MiB of `[[0,1,1,1,1,1],…` gzipped (about a 400th of that on the wire).
fn bomb(mb: usize) -> Arc<Vec<u8>> {
    static BOMBS: OnceLock<Mutex<HashMap<usize, Arc<Vec<u8>>>>> = OnceLock::new();
    let bombs = BOMBS.get_or_init(Default::default);
    if let Some(b) = bombs.lock().ok().and_then(|m| m.get(&mb).cloned()) {
        return b;
    }
    let b = Arc::new(gzip_repeated(
        b"[",
        &b"[0,1,1,1,1,1],".repeat(65_536 / 14),
        mb << 20,
    ));
    if let Ok(mut m) = bombs.lock() {
        m.insert(mb, Arc::clone(&b));
    }
    b
}

/// A gzip file of `head` then `chunk` repeated until at least `len` bytes. Deflating a GiB took
/// 3–8 s on the first request (a test's deadline is 9 s): after a full flush the compressor
/// starts afresh, so each chunk deflates to the same block, which is compressed once and copied.
fn gzip_repeated(head: &[u8], chunk: &[u8], len: usize) -> Vec<u8> {
    let mut deflate = Compress::new(Compression::best(), false);
    let mut block = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(input.len() + 1024);
        let _ = deflate.compress_vec(input, &mut out, flush);
        out
    };
    let first = block(head, FlushCompress::Full);
    let repeated = block(chunk, FlushCompress::Full);
    let again = block(chunk, FlushCompress::Full);
    let end = block(&[], FlushCompress::Finish);
    assert_eq!(
        repeated, again,
        "a chunk after a full flush deflates to the same block"
    );
    let times = len.saturating_sub(head.len()).div_ceil(chunk.len());
    let mut crc = Crc::new();
    crc.update(head);
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff];
    gz.extend_from_slice(&first);
    gz.reserve(repeated.len() * times + end.len() + 8);
    for _ in 0..times {
        crc.update(chunk);
        gz.extend_from_slice(&repeated);
    }
    gz.extend_from_slice(&end);
    gz.extend_from_slice(&crc.sum().to_le_bytes());
    gz.extend_from_slice(&crc.amount().to_le_bytes());
    gz
}

#[cfg(test)]
mod tests {
    use super::gzip_repeated;
    use std::io::Read;

    #[test]
    fn a_repeated_gzip_inflates_to_the_head_and_the_chunks() {
        let chunk = b"[0,1,1,1,1,1],".repeat(100);
        let gz = gzip_repeated(b"[", &chunk, 50_000);
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut out)
            .unwrap();
        let times = (50_000 - 1usize).div_ceil(chunk.len());
        assert_eq!(out.len(), 1 + times * chunk.len());
        assert_eq!(out, [b"[".to_vec(), chunk.repeat(times)].concat());
        assert!(gz.len() < out.len() / 20, "{} bytes on the wire", gz.len());
    }
}
