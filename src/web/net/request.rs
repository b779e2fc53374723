//! The GET as the widgets send it, and how it is sent: the page's `fetch`, or for a first plain
//! attempt the response `embed.js` asked for early (`early.js`).

use super::Policy;
use wasm_bindgen::prelude::*;
use web_sys::{AbortSignal, Request};

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (a window's or a worker's), caught: a page that replaced it with
    /// something that throws gives an error value, not a trap.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(request: &Request) -> Result<js_sys::Promise, JsValue>;
}

#[wasm_bindgen(module = "/src/web/net/early.js")]
extern "C" {
    /// `fetch`, or the response embed.js asked for early for the same URL (`early.js`).
    #[wasm_bindgen(js_name = fetchFirst, catch)]
    fn fetch_first(request: &Request) -> Result<js_sys::Promise, JsValue>;

    /// The widgets' GET (`early.js`), caught: `new Request` throws on a URL it refuses.
    #[wasm_bindgen(js_name = getRequest, catch)]
    fn js_get_request(
        url: &str,
        same_origin: bool,
        revalidate: bool,
        signal: &AbortSignal,
    ) -> Result<Request, JsValue>;
}

/// Sends `request`: through `early.js` when `early` (it hands over embed.js's response for the
/// same URL if there is one), else through the page's `fetch`. Both caught.
pub(super) fn send(request: &Request, early: bool) -> Result<js_sys::Promise, JsValue> {
    if early {
        fetch_first(request)
    } else {
        global_fetch(request)
    }
}

/// A GET of `url` as the widgets send it, built on `fetch` itself: the URL goes out exactly as
/// built (gloo-net 0.6 appended a stray `&` to every URL with a query, and a different URL is
/// a different cache entry for every proxy and CDN in between). embed.js sends the same GET for
/// the page's profiles (`earlyDocuments`): keep the two alike (tests/browser/embedding.test.mjs
/// checks its headers).
pub(super) fn get_request(
    url: &str,
    policy: &Policy,
    revalidate: bool,
    signal: &AbortSignal,
) -> Result<Request, JsValue> {
    // `Accept`: JSON or CSV, as the formats read. No cookies and no Referer: a profile names
    // the URLs, and neither the reader's sessions nor the page they are on are its business. A
    // same-origin series behind the site's login opts back in (`"credentials":
    // "same-origin"`). `revalidate`: the HTTP cache asks the server again (`no-cache`).
    js_get_request(url, policy.same_origin_credentials, revalidate, signal)
}
