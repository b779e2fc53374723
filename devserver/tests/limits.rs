//! The running server's promises to the machine it runs on (`guard`, `statics`, `market`):
//! started as the tests and `make demo` start it, and spoken to over raw TCP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    site: String,
    market: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn start(extra: &[&str]) -> Server {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_barfinex-devserver"))
        .args(["--root", root, "--port", "0", "--market-port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let (mut site, mut market) = (String::new(), String::new());
    while site.is_empty() || market.is_empty() {
        let line = lines.next().expect("a line").expect("readable");
        if let Some(a) = line.strip_prefix("listening on http://") {
            site = a.to_owned();
        }
        if let Some(a) = line.strip_prefix("market data on http://") {
            market = a.to_owned();
        }
    }
    Server {
        child,
        site,
        market,
    }
}

/// Sends `request` as is and returns the whole answer (the server closes each connection).
fn raw(addr: &str, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = s.write_all(request);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn get(addr: &str, path: &str) -> String {
    raw(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
    )
}

fn status(answer: &str) -> u16 {
    answer.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[test]
fn serves_only_the_pages_never_the_repository() {
    let s = start(&[]);
    assert_eq!(status(&get(&s.site, "/www/gallery.html")), 200);
    for path in [
        "/.git/HEAD",
        "/.git/config",
        "/Cargo.toml",
        "/devserver/src/main.rs",
        "/%2egit/HEAD",
    ] {
        assert_eq!(status(&get(&s.site, path)), 404, "{path}");
    }
}

#[test]
fn cors_only_on_the_market_server() {
    let s = start(&[]);
    let page = get(&s.site, "/www/data/flux.json");
    assert_eq!(status(&page), 200);
    assert!(
        !page
            .to_ascii_lowercase()
            .contains("access-control-allow-origin"),
        "{page}"
    );
    let data = get(
        &s.market,
        "/binance/api/v3/klines?symbol=FLUXUSDT&interval=1h&limit=2",
    );
    assert_eq!(status(&data), 200);
    assert!(data.contains("Access-Control-Allow-Origin: *"), "{data}");
}

#[test]
fn answers_only_its_own_host_names() {
    let s = start(&[]);
    let port = s.site.rsplit(':').next().unwrap();
    for (host, want) in [
        (format!("127.0.0.1:{port}"), 200),
        (format!("localhost:{port}"), 200),
        (format!("attacker.example:{port}"), 421),
        ("127.0.0.1:1".to_owned(), 421),
    ] {
        let a = raw(
            &s.site,
            format!("GET /index.html HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        );
        assert_eq!(status(&a), want, "Host: {host}");
    }
    let none = raw(&s.site, b"GET /index.html HTTP/1.1\r\n\r\n");
    assert_eq!(status(&none), 421);
    let m = raw(&s.market, b"GET /binance/api/v3/klines?symbol=X&interval=1h HTTP/1.1\r\nHost: rebound.example\r\n\r\n");
    assert_eq!(status(&m), 421);
}

#[test]
fn refuses_long_lines_and_many_headers() {
    let s = start(&[]);
    let long = format!(
        "GET /{} HTTP/1.1\r\nHost: {}\r\n\r\n",
        "a".repeat(9_000),
        s.site
    );
    assert_eq!(status(&raw(&s.site, long.as_bytes())), 414);
    let header = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX: {}\r\n\r\n",
        s.site,
        "b".repeat(9_000)
    );
    assert_eq!(status(&raw(&s.site, header.as_bytes())), 431);
    let many: String = (0..100).map(|i| format!("X-{i}: 1\r\n")).collect();
    let req = format!("GET / HTTP/1.1\r\nHost: {}\r\n{many}\r\n", s.site);
    assert_eq!(status(&raw(&s.site, req.as_bytes())), 431);
}

#[test]
fn closes_silent_connections_and_caps_open_ones() {
    let s = start(&["--idle-ms", "1500"]);
    // A connection that never sends a request is closed after the idle time.
    let mut quiet = TcpStream::connect(&s.site).unwrap();
    quiet
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let t = Instant::now();
    let mut buf = [0u8; 16];
    assert_eq!(
        quiet.read(&mut buf).unwrap_or(0),
        0,
        "closed without an answer"
    );
    assert!(
        t.elapsed() < Duration::from_secs(15),
        "closed after {:?}",
        t.elapsed()
    );
    // 64 silent connections are all it holds at once; the next is told to come back.
    let held: Vec<TcpStream> = (0..64)
        .map(|_| TcpStream::connect(&s.site).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let busy = get(&s.site, "/index.html");
    assert_eq!(status(&busy), 503, "{busy}");
    drop(held);
    // Once they time out, it answers again.
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(status(&get(&s.site, "/index.html")), 200);
}

#[test]
fn bad_parameters_get_400_and_are_never_echoed() {
    let s = start(&[]);
    for path in [
        "/binance/fapi/v1/fundingRate?symbol=%22%7D%3Cscript%3E",
        "/binance/api/v3/klines?symbol=FLUXUSDT&interval=1h&limit=abc",
        "/binance/api/v3/klines?symbol=FLUXUSDT&interval=1h&limit=0",
        "/coingecko/api/v3/coins/%3Cb%3E/ohlc?days=1",
        "/coingecko/api/v3/coins/flux/ohlc?days=-3",
        "/series/%3Cimg%3E.csv",
    ] {
        let a = get(&s.market, path);
        assert_eq!(status(&a), 400, "{path}: {a}");
        assert!(
            !a.contains('<') && !a.contains("script") && !a.contains("img"),
            "{path} echoed: {a}"
        );
    }
    for iv in ["0", "0m", "0h", "-1h"] {
        let a = get(
            &s.market,
            &format!("/binance/api/v3/klines?symbol=FLUXUSDT&interval={iv}"),
        );
        assert_eq!(status(&a), 400, "interval {iv}");
    }
}
