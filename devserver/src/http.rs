//! Minimal HTTP/1.1: read one request, write one response (`Connection: close`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

pub struct Request {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn json(body: String) -> Self {
        Self::new(200, "application/json", body)
    }

    pub fn text(status: u16, body: &str) -> Self {
        Self::new(status, "text/plain; charset=utf-8", body)
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }
}

/// The longest request line and header line read, and the most header lines: what browsers
/// and the tests send is far below; anything past them is refused before it is stored.
pub const MAX_LINE: usize = 8_192;
pub const MAX_HEADERS: usize = 64;

/// Why a request was not read: the connection failed or went quiet (no answer is sent), or it
/// broke a limit (answered with this status).
#[derive(Debug)]
pub enum ReadError {
    Io,
    Refused(u16),
}

impl From<std::io::Error> for ReadError {
    fn from(_: std::io::Error) -> Self {
        ReadError::Io
    }
}

/// One line of at most [`MAX_LINE`] bytes, or `status` when longer.
fn line(reader: &mut impl BufRead, status: u16) -> Result<String, ReadError> {
    let mut buf = Vec::new();
    reader
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', &mut buf)?;
    if buf.len() > MAX_LINE {
        return Err(ReadError::Refused(status));
    }
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

pub fn read_request(stream: &TcpStream) -> Result<Request, ReadError> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let first = line(&mut reader, 414)?;
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("/").to_owned();
    let mut headers = Vec::new();
    loop {
        let h = line(&mut reader, 431)?;
        if h.len() <= 2 {
            break;
        }
        if headers.len() == MAX_HEADERS {
            return Err(ReadError::Refused(431));
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let (path, qs) = target.split_once('?').unwrap_or((target.as_str(), ""));
    let query = qs
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    Ok(Request {
        method,
        path: decode(path),
        query,
        headers,
    })
}

/// Percent-decoding; invalid escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            s.get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok()),
        ) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        429 => "Too Many Requests",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Writes the status line and headers, then the body (all of it, or `drip` chunks with pauses,
/// or only its first half when `truncate`).
pub fn write_response(
    out: &mut TcpStream,
    r: &Response,
    head_only: bool,
    drip_ms: u64,
    truncate: bool,
) -> std::io::Result<()> {
    // Every answer carries its Date, as origins must: a cache in front keeps it with the
    // body, and the widgets tell the data's age from it.
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        http_date(now_ms()),
        r.body.len()
    );
    if !r.content_type.is_empty() {
        head.push_str(&format!("Content-Type: {}\r\n", r.content_type));
    }
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if head_only || r.status == 304 {
        return out.flush();
    }
    let body = if truncate {
        &r.body[..r.body.len() / 2]
    } else {
        &r.body[..]
    };
    if drip_ms > 0 && !body.is_empty() {
        let chunks = 10.min(body.len());
        let size = body.len().div_ceil(chunks);
        for c in body.chunks(size) {
            out.write_all(c)?;
            out.flush()?;
            std::thread::sleep(std::time::Duration::from_millis(drip_ms / chunks as u64));
        }
    } else {
        out.write_all(body)?;
    }
    out.flush()?;
    if truncate {
        // Close without the rest: the client sees a body shorter than Content-Length.
        let _ = out.shutdown(std::net::Shutdown::Both);
    }
    Ok(())
}

/// Sends the status line, the headers and the first byte of `r`'s body, then nothing for a
/// minute (a server that stalls mid-body), then closes.
pub fn write_stalled(out: &mut TcpStream, r: &Response) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(&r.body[..r.body.len().min(1)])?;
    out.flush()?;
    std::thread::sleep(std::time::Duration::from_secs(60));
    Ok(())
}

/// Drains what the client sent so a reset is not mistaken for a half-read request.
pub fn drain(stream: &mut TcpStream) {
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(10)));
    let mut buf = [0u8; 1024];
    let _ = stream.read(&mut buf);
}

/// A 200 with `total` bytes of `[[0,1,1,1,1,1],…` sent in chunks (`Transfer-Encoding: chunked`,
/// no `Content-Length`): a body too large to know in advance, generated as it goes.
pub fn write_huge(
    out: &mut TcpStream,
    headers: &[(String, String)],
    total: usize,
) -> std::io::Result<()> {
    let mut head = String::from(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n",
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    let row = b"[0,1,1,1,1,1],";
    let mut chunk: Vec<u8> = b"[".to_vec();
    while chunk.len() < 65_536 {
        chunk.extend_from_slice(row);
    }
    let mut sent = 0;
    while sent < total {
        let piece = &chunk[..chunk.len().min(total - sent)];
        out.write_all(format!("{:x}\r\n", piece.len()).as_bytes())?;
        out.write_all(piece)?;
        out.write_all(b"\r\n")?;
        sent += piece.len();
    }
    out.write_all(b"0\r\n\r\n")?;
    out.flush()
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate) for Unix milliseconds.
pub fn http_date(ms: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (days, secs) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000) / 1000);
    let (y, m, d) = crate::interval::civil_date(days);
    format!(
        "{}, {d:02} {} {y} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(m - 1) as usize],
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn http_dates() {
        assert_eq!(
            super::http_date(784_111_777_000),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
        assert_eq!(super::http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(
            super::http_date(951_782_400_000),
            "Tue, 29 Feb 2000 00:00:00 GMT"
        );
    }
}
