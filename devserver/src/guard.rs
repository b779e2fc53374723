//! What every connection to the local servers goes through before a handler sees it: a cap on
//! open connections, idle timeouts, the request limits of [`crate::http`], and a `Host` check
//! (only this machine's names for this port are answered, so a page on another name that
//! resolves here, DNS rebinding, gets nothing).

use crate::http::{read_request, write_response, ReadError, Request, Response};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// Connections served at once per server; the next ones get a 503 at once.
pub const MAX_CONNECTIONS: usize = 64;

#[derive(Clone, Copy)]
pub struct Limits {
    /// How long a connection may stay silent (reading) or stuck (writing).
    pub idle: Duration,
    pub port: u16,
}

/// Accepts connections for ever, each on its own thread within [`MAX_CONNECTIONS`].
pub fn serve(
    listener: TcpListener,
    limits: Limits,
    host: &str,
    handler: impl Fn(Request, TcpStream) + Send + Sync + 'static,
) {
    let handler = Arc::new(handler);
    let open = Arc::new(AtomicUsize::new(0));
    let hosts = Arc::new(hosts(host, limits.port));
    for mut stream in listener.incoming().flatten() {
        let _ = stream.set_read_timeout(Some(limits.idle));
        let _ = stream.set_write_timeout(Some(limits.idle));
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let busy = Response::text(503, "too many connections").with_header("Retry-After", "1");
            let _ = write_response(&mut stream, &busy, false, 0, false);
            continue;
        }
        let (handler, open, hosts) = (Arc::clone(&handler), Arc::clone(&open), Arc::clone(&hosts));
        thread::spawn(move || {
            match read_request(&stream) {
                Ok(req) if host_allowed(&req, &hosts) => handler(req, stream),
                Ok(_) => refuse(&mut stream, 421, "unknown Host"),
                Err(ReadError::Refused(code)) => refuse(&mut stream, code, "request too large"),
                Err(ReadError::Io) => {}
            }
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn refuse(stream: &mut TcpStream, code: u16, why: &str) {
    let _ = write_response(stream, &Response::text(code, why), false, 0, false);
}

/// `127.0.0.1:PORT` and `localhost:PORT`, and the address served on when it is another.
fn hosts(host: &str, port: u16) -> Vec<String> {
    let mut names = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if !["127.0.0.1", "localhost"].contains(&host) {
        names.push(format!("{host}:{port}"));
    }
    names
}

fn host_allowed(req: &Request, hosts: &[String]) -> bool {
    req.header("Host")
        .is_some_and(|h| hosts.iter().any(|ok| ok.eq_ignore_ascii_case(h)))
}
