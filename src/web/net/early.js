// Documents asked for before the module was in: embed.js sends the GET of each profile in the
// page as soon as it runs (the same request the widgets send: no cookies, no Referer, the same
// Accept), instead of once the module has compiled and the elements are mounted, and hands the
// pending responses over through `init({ documents })`. The widgets' first attempt at that URL
// takes it (src/web/net/client.rs); each is taken once, and none older than a few seconds.
// And the widgets' own GET (`getRequest`), which embed.js's early GET must match
// (tests/browser/embedding.test.mjs).

const EARLY = new Map();
const FRESH_MS = 10_000;

/** Keeps embed.js's requests: `documents` maps an absolute URL to `{ response, controller }`. */
export function earlyDocuments(documents) {
  const at = performance.now();
  for (const [url, { response, controller }] of documents) EARLY.set(url, { response, controller, at });
}

/** `fetch(request)`, unless embed.js already asked for this URL: then its response, aborted
 * with the request (the widget's timeout or its removal). */
export function fetchFirst(request) {
  const early = EARLY.get(request.url);
  if (!early) return fetch(request);
  EARLY.delete(request.url);
  if (performance.now() - early.at > FRESH_MS) {
    early.controller.abort();
    return fetch(request);
  }
  const abort = () => early.controller.abort();
  if (request.signal.aborted) abort();
  else request.signal.addEventListener("abort", abort, { once: true });
  return early.response;
}

/** The GET the widgets send for `url` (src/web/net/request.rs says why each field). Built here,
 * as one object, rather than field by field from Rust: web_sys's setters for `credentials`,
 * `referrerPolicy` and `cache` pass an index into a table of each enum's values. */
export function getRequest(url, sameOrigin, revalidate, signal) {
  return new Request(url, {
    method: "GET",
    headers: { Accept: "application/json, text/csv;q=0.9, */*;q=0.1" },
    credentials: sameOrigin ? "same-origin" : "omit",
    referrerPolicy: "no-referrer",
    cache: revalidate ? "no-cache" : "default",
    signal,
  });
}
