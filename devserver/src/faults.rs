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
                _ => {}
            }
        }
        f
    }
}
