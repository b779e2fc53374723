//! Fault modes for the market-data server, chosen per request with `?fault=…` (several may be
//! joined with `,`):
//!
//! | mode | effect |
//! | --- | --- |
//! | `delay:MS` | answer after MS milliseconds |
//! | `drip:MS` | send the body in ten chunks spread over MS milliseconds |
//! | `status:CODE` | answer with that HTTP status and a JSON error body |
//! | `429:SECS`, `503:SECS` | that status with `Retry-After: SECS` |
//! | `fail:N:CODE` | the first N requests for this URL get CODE (429/503 carry `Retry-After: 1`), then normal answers |
//! | `after:N:CODE` | the first N requests for this URL are answered normally, later ones get CODE |
//! | `truncate` | send half the body, then close the connection |
//! | `html` | a 200 with an HTML page (`text/html`) instead of JSON |
//! | `nocors` | no `Access-Control-Allow-Origin` header (the browser refuses the response) |
//! | `noexpose` | CORS without `Access-Control-Expose-Headers` (`Retry-After`, `ETag` unreadable) |
//! | `reset` | close the connection without any response |
//! | `huge:MB` | a 200 of MB mebibytes (at most 1024) of JSON rows, chunked, with no `Content-Length` |
//! | `bomb:MB` | a 200 with `Content-Encoding: gzip` whose body inflates to MB mebibytes (at most 1024) of JSON rows |
//! | `deep:N` | a 200 of N nested JSON arrays (at most 1,000,000) |
//! | `tiny:MB` | a 200 of MB mebibytes (at most 64) of one-element rows, `[[0],[0],…]` (a JSON tree of it took 50×) |
//! | `wide:N` | a 200 CSV whose header has N columns (at most 10,000,000) |
//! | `type:T` | the normal answer with another `Content-Type`: `octet` (application/octet-stream), `png`, `xml`, `none` (no header) |
//! | `stall` | the headers and the first byte of the normal answer, then nothing for 60 s |
//! | `ra:V` | a 429 with an absurd `Retry-After`: `huge` (99999999999), `neg` (-5), `far` (a date in 9999), `junk` (soon) |
//!
//! `/__outage?fault=SPEC&ms=N` applies SPEC to every market request for N milliseconds (at most
//! ten minutes; `ms=0` ends it): an origin that fails for a while, behind a caching proxy.

#[derive(Default, Debug)]
pub struct Faults {
    pub delay_ms: u64,
    pub drip_ms: u64,
    pub status: Option<u16>,
    pub retry_after: Option<u64>,
    pub fail_first: Option<(u32, u16)>,
    pub fail_after: Option<(u32, u16)>,
    pub truncate: bool,
    pub html: bool,
    pub nocors: bool,
    pub noexpose: bool,
    pub reset: bool,
    pub huge_mb: u64,
    pub bomb_mb: u64,
    pub deep: u64,
    pub tiny_mb: u64,
    pub wide: u64,
    pub content_type: Option<&'static str>,
    pub stall: bool,
    pub retry_after_text: Option<&'static str>,
}

impl Faults {
    pub fn parse(spec: Option<&str>) -> Self {
        let mut f = Faults::default();
        for part in spec.unwrap_or("").split(',').filter(|p| !p.is_empty()) {
            let bits: Vec<&str> = part.split(':').collect();
            let n = |i: usize| bits.get(i).and_then(|b| b.parse::<u64>().ok());
            match bits[0] {
                // At most a minute: a fault must not hold a connection for ever.
                "delay" => f.delay_ms = n(1).unwrap_or(1000).min(60_000),
                "drip" => f.drip_ms = n(1).unwrap_or(2000).min(60_000),
                "status" => f.status = n(1).map(|c| c as u16),
                "429" | "503" => {
                    f.status = n(0).map(|c| c as u16);
                    f.retry_after = Some(n(1).unwrap_or(1));
                }
                "fail" => {
                    f.fail_first = Some((n(1).unwrap_or(1) as u32, n(2).unwrap_or(500) as u16))
                }
                "after" => {
                    f.fail_after = Some((n(1).unwrap_or(1) as u32, n(2).unwrap_or(500) as u16))
                }
                "truncate" => f.truncate = true,
                "html" => f.html = true,
                "nocors" => f.nocors = true,
                "noexpose" => f.noexpose = true,
                "reset" => f.reset = true,
                "huge" => f.huge_mb = n(1).unwrap_or(64).min(1024),
                "bomb" => f.bomb_mb = n(1).unwrap_or(1024).min(1024),
                "deep" => f.deep = n(1).unwrap_or(100_000).min(1_000_000),
                "tiny" => f.tiny_mb = n(1).unwrap_or(7).min(64),
                "wide" => f.wide = n(1).unwrap_or(1_000_000).min(10_000_000),
                "stall" => f.stall = true,
                "type" => {
                    f.content_type = match bits.get(1).copied() {
                        Some("octet") => Some("application/octet-stream"),
                        Some("png") => Some("image/png"),
                        Some("xml") => Some("application/xml"),
                        Some("none") => Some(""),
                        _ => None,
                    }
                }
                "ra" => {
                    f.status = Some(429);
                    f.retry_after_text = match bits.get(1).copied() {
                        Some("huge") => Some("99999999999"),
                        Some("neg") => Some("-5"),
                        Some("far") => Some("Fri, 31 Dec 9999 23:59:59 GMT"),
                        _ => Some("soon"),
                    }
                }
                _ => {}
            }
        }
        f
    }
}
