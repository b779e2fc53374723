//! Reading a response body within a byte cap, chunk by chunk: the chunks stay in JS memory
//! (which the garbage collector returns) until the body is complete and within the cap, then
//! are copied into one allocation of exactly that size in wasm memory (which never shrinks).
//! The cap holds whatever the `Content-Length` said, chunked or compressed (it counts decoded
//! bytes), and the download stops at the first chunk past it.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader};

/// Why a body was not read.
pub(super) enum BodyError {
    /// More than the cap.
    TooLarge,
    /// The stream failed (connection lost, aborted); the browser's words.
    Failed(String),
}

/// The body as text (UTF-8, invalid sequences replaced, a leading BOM dropped: what
/// `Response.text()` gives), reading at most `cap` bytes.
pub(super) async fn read_capped(
    body: Option<ReadableStream>,
    cap: usize,
) -> Result<String, BodyError> {
    let Some(stream) = body else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut total = 0usize;
    loop {
        let step = JsFuture::from(reader.read())
            .await
            .map_err(|e| BodyError::Failed(describe(&e)))?;
        let done = Reflect::get(&step, &JsValue::from_str("done"))
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let Ok(chunk) = Reflect::get(&step, &JsValue::from_str("value"))
            .and_then(|v| v.dyn_into::<Uint8Array>())
        else {
            return Err(BodyError::Failed("a body chunk was not bytes".into()));
        };
        total = total.saturating_add(chunk.length() as usize);
        if total > cap {
            // Stop the download too; the rejected promise is nobody's concern.
            let _ = reader.cancel();
            return Err(BodyError::TooLarge);
        }
        chunks.push(&chunk);
    }
    let mut bytes = vec![0u8; total];
    let mut at = 0;
    for chunk in chunks.iter() {
        let chunk: Uint8Array = chunk.unchecked_into();
        let len = chunk.length() as usize;
        chunk.copy_to(&mut bytes[at..at + len]);
        at += len;
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => barfinex_core::format::utf8_lossy(e.as_bytes()),
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

fn describe(e: &JsValue) -> String {
    super::js_message(e).unwrap_or_else(|| "the body could not be read".into())
}
