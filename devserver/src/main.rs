//! The project's local server, native only (the wasm build never carries it), std only.
//!
//! * a static file server for the demo and the test pages (`--port`, default 8080);
//! * with `--market-port`, a market-data server on a second origin that speaks the exchanges'
//!   wire formats (see `market`), with CORS like the real APIs, `ETag`/`If-None-Match`
//!   revalidation, fault modes per request (see `faults`) and a request log at `/__stats`.
//!
//! `barfinex-devserver [--root DIR] [--host ADDR] [--port N] [--market-port N] [--idle-ms MS]
//! [--any-file]`;
//! port 0 picks a free port. It prints `listening on http://…` (and `market data on http://…`)
//! once ready.
//!
//! Only for this machine: it answers only `Host: 127.0.0.1:<port>` or `localhost:<port>`,
//! serves only the files the pages need (`statics::SERVED`, never `.git/`), sends CORS headers
//! only from the market-data server, and bounds connections, line lengths and idle time
//! (`guard`).

mod bodies;
mod faults;
mod guard;
mod http;
mod interval;
mod market;
mod statics;
mod synth;

use faults::Faults;
use guard::Limits;
use http::{write_response, Request, Response};
use statics::{mime, resolve};
use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use std::{env, fs, thread};

struct Config {
    root: PathBuf,
    host: String,
    port: u16,
    market_port: Option<u16>,
    idle_ms: u64,
    /// Serve every non-hidden file under the root, not only `statics::SERVED`.
    any_file: bool,
}

/// Shared state of the market server.
struct Market {
    recorded: Option<market::Recorded>,
    log: Mutex<Vec<String>>,
    failures: Mutex<HashMap<String, u32>>,
    /// An outage set by `/__outage?fault=SPEC&ms=N`: every market request gets SPEC until then
    /// (the scale test's origin failing behind a caching proxy).
    outage: Mutex<Option<(std::time::Instant, String)>>,
}

fn main() {
    let config = match parse_args(env::args().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("barfinex-devserver: {e}");
            std::process::exit(2);
        }
    };
    let bind = |port: u16| match TcpListener::bind((config.host.as_str(), port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "barfinex-devserver: cannot listen on {}:{port}: {e}",
                config.host
            );
            std::process::exit(1);
        }
    };
    let statics = bind(config.port);
    let addr = |l: &TcpListener| l.local_addr().map(|a| a.to_string()).unwrap_or_default();
    let limits = |l: &TcpListener| Limits {
        idle: Duration::from_millis(config.idle_ms),
        port: l.local_addr().map(|a| a.port()).unwrap_or(0),
    };
    if let Some(port) = config.market_port {
        let listener = bind(port);
        println!("market data on http://{}", addr(&listener));
        let state = Market {
            recorded: market::Recorded::load(&config.root),
            log: Mutex::new(Vec::new()),
            failures: Mutex::new(HashMap::new()),
            outage: Mutex::new(None),
        };
        let (limits, host) = (limits(&listener), config.host.clone());
        thread::spawn(move || {
            guard::serve(listener, limits, &host, move |req, stream| {
                serve_market(req, stream, &state)
            })
        });
    }
    println!("listening on http://{}", addr(&statics));
    let (root, any_file) = (Arc::new(config.root.clone()), config.any_file);
    let static_limits = limits(&statics);
    guard::serve(statics, static_limits, &config.host, move |req, stream| {
        serve_static(req, stream, &root, any_file)
    });
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut c = Config {
        root: PathBuf::from("."),
        host: "127.0.0.1".into(),
        port: 8080,
        market_port: None,
        idle_ms: 10_000,
        any_file: false,
    };
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--root" => c.root = PathBuf::from(value()?),
            "--host" => c.host = value()?,
            "--port" => c.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--market-port" => {
                c.market_port = Some(
                    value()?
                        .parse()
                        .map_err(|e| format!("--market-port: {e}"))?,
                )
            }
            "--any-file" => c.any_file = true,
            "--idle-ms" => c.idle_ms = value()?.parse().map_err(|e| format!("--idle-ms: {e}"))?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(c)
}

fn serve_static(req: Request, mut stream: TcpStream, root: &Path, any_file: bool) {
    let head = req.method == "HEAD";
    let resp = if req.method != "GET" && !head {
        Response::text(405, "method not allowed")
    } else if let Some(code) = req.path.strip_prefix("/__status/") {
        let code: u16 = code.parse().unwrap_or(500);
        Response::text(code, &format!("status {code}"))
    } else {
        match resolve(root, &req.path, any_file).and_then(|f| fs::read(&f).ok().map(|b| (f, b))) {
            Some((file, body)) => Response::new(200, mime(&file), body),
            None => Response::text(404, "not found"),
        }
    };
    // No CORS here: only the market-data server is read from other origins.
    let resp = resp.with_header("Cache-Control", "no-cache");
    let _ = write_response(&mut stream, &resp, head, 0, false);
}

fn serve_market(mut req: Request, mut stream: TcpStream, m: &Market) {
    // Faults come from `?fault=…` or from a path prefix `/fault/<spec>/…`, which lets a widget's
    // base URL carry them (`base_url: "http://127.0.0.1:8081/fault/429:2/binance"`).
    let mut spec = req.param("fault").map(str::to_owned);
    if let Some(rest) = req.path.strip_prefix("/fault/") {
        let (f, path) = rest.split_once('/').unwrap_or((rest, ""));
        spec = Some(f.to_owned());
        req.path = format!("/{path}");
    }
    if req.path == "/__outage" {
        let ms = req
            .param("ms")
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
            .min(600_000);
        let until = std::time::Instant::now() + std::time::Duration::from_millis(ms);
        let fault = req.param("fault").unwrap_or("status:503").to_owned();
        if let Ok(mut o) = m.outage.lock() {
            *o = (ms > 0).then_some((until, fault));
        }
        let _ = write_response(&mut stream, &Response::text(200, "ok"), false, 0, false);
        return;
    }
    if spec.is_none() {
        if let Ok(o) = m.outage.lock() {
            spec = o
                .as_ref()
                .filter(|(until, _)| std::time::Instant::now() < *until)
                .map(|(_, f)| f.clone());
        }
    }
    let faults = Faults::parse(spec.as_deref());
    let target = format!(
        "{}{}",
        spec.as_ref().map(|f| format!("[{f}] ")).unwrap_or_default(),
        target_of(&req)
    );
    if req.method == "OPTIONS" {
        let resp = cors(Response::new(204, "text/plain", ""), &faults)
            .with_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
            .with_header("Access-Control-Allow-Headers", "Accept, If-None-Match")
            .with_header("Access-Control-Max-Age", "600");
        let _ = write_response(&mut stream, &resp, false, 0, false);
        return;
    }
    if req.path == "/__stats" {
        let log = m.log.lock().map(|l| l.clone()).unwrap_or_default();
        let body = format!(
            "[{}]",
            log.iter()
                .map(|l| format!("{l:?}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let _ = write_response(
            &mut stream,
            &cors(Response::json(body), &Faults::default()),
            false,
            0,
            false,
        );
        return;
    }
    if faults.delay_ms > 0 {
        thread::sleep(std::time::Duration::from_millis(faults.delay_ms));
    }
    let conditional = req.header("If-None-Match").map(str::to_owned);
    // Counted per URL, for the fail-first and fail-after modes.
    let count = if faults.fail_first.is_some() || faults.fail_after.is_some() {
        m.failures
            .lock()
            .map(|mut f| {
                let c = f.entry(target.clone()).or_insert(0);
                *c += 1;
                *c
            })
            .unwrap_or(0)
    } else {
        0
    };
    let failing = match (faults.fail_first, faults.fail_after) {
        (Some((n, code)), _) if count <= n => Some(code),
        (_, Some((n, code))) if count > n => Some(code),
        _ => None,
    };
    if faults.huge_mb > 0 {
        log(m, &target, 200, false);
        let headers = cors(Response::json(String::new()), &faults).headers;
        let _ = http::write_huge(&mut stream, &headers, (faults.huge_mb as usize) << 20);
        return;
    }
    if let Some(resp) = bodies::fault_body(&faults) {
        log(m, &target, resp.status, false);
        let _ = write_response(&mut stream, &cors(resp, &faults), false, 0, false);
        return;
    }
    let mut resp = if faults.reset {
        log(m, &target, 0, false);
        http::drain(&mut stream);
        return; // dropping the stream closes it without a response
    } else if let Some(code) = faults.status.or(failing) {
        let r = Response::new(
            code,
            "application/json",
            format!(r#"{{"code":{code},"msg":"fault injected by the local server"}}"#),
        );
        match (
            code,
            faults
                .retry_after
                .or((failing.is_some() && matches!(code, 429 | 503)).then_some(1)),
        ) {
            _ if faults.retry_after_text.is_some() => {
                r.with_header("Retry-After", faults.retry_after_text.unwrap_or_default())
            }
            (429 | 503, Some(secs)) => r.with_header("Retry-After", secs.to_string()),
            _ => r,
        }
    } else if faults.html {
        Response::new(
            200,
            "text/html; charset=utf-8",
            "<!doctype html><title>Blocked</title><p>Access denied by a proxy.</p>",
        )
    } else {
        let (r, synthetic) = market::route(&req, m.recorded.as_ref());
        // Widgets mark data carrying this header as synthetic; the real exchanges never send it.
        if synthetic {
            r.with_header("X-Barfinex-Synthetic", "1")
        } else {
            r
        }
    };
    if resp.status == 200 {
        let etag = format!(
            "\"{:016x}\"",
            synth::seed(&String::from_utf8_lossy(&resp.body))
        );
        if conditional.as_deref() == Some(etag.as_str()) {
            resp = Response::new(304, "application/json", "");
        }
        resp = resp
            .with_header("ETag", etag)
            .with_header("Cache-Control", "no-cache");
    }
    if let Some(ct) = faults.content_type {
        resp.content_type = ct;
    }
    log(m, &target, resp.status, conditional.is_some());
    let resp = cors(resp, &faults);
    if faults.stall {
        let _ = http::write_stalled(&mut stream, &resp);
        return;
    }
    let _ = write_response(
        &mut stream,
        &resp,
        req.method == "HEAD",
        faults.drip_ms,
        faults.truncate,
    );
}

/// The request as logged and counted: path and query, in order.
fn target_of(req: &Request) -> String {
    let q: Vec<String> = req.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if q.is_empty() {
        req.path.clone()
    } else {
        format!("{}?{}", req.path, q.join("&"))
    }
}

fn log(m: &Market, target: &str, status: u16, conditional: bool) {
    if let Ok(mut l) = m.log.lock() {
        l.push(format!(
            "{status} {}{target}",
            if conditional { "conditional " } else { "" }
        ));
    }
}

fn cors(resp: Response, f: &Faults) -> Response {
    if f.nocors {
        return resp;
    }
    let resp = resp.with_header("Access-Control-Allow-Origin", "*");
    if f.noexpose {
        resp
    } else {
        resp.with_header(
            "Access-Control-Expose-Headers",
            "ETag, Retry-After, Date, X-Barfinex-Synthetic",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_parse() {
        let f = Faults::parse(Some("delay:50,429:3,nocors"));
        assert_eq!(
            (f.delay_ms, f.status, f.retry_after, f.nocors),
            (50, Some(429), Some(3), true)
        );
        assert_eq!(Faults::parse(Some("fail:2:503")).fail_first, Some((2, 503)));
        assert_eq!(
            Faults::parse(Some("after:3:500")).fail_after,
            Some((3, 500))
        );
    }

    #[test]
    fn synthetic_series_are_deterministic() {
        assert_eq!(
            synth::candles("X", 5, 0, 1000),
            synth::candles("X", 5, 0, 1000)
        );
        assert_ne!(
            synth::candles("X", 5, 0, 1000),
            synth::candles("Y", 5, 0, 1000)
        );
    }
}
