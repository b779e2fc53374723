// Runs deploy/nginx/barfinex-market.conf, the production recipe itself, in front of the local
// market-data server: the exchanges' hosts point at it, the lifetimes are the test's, and the
// cache, logs and pid live in a scratch folder. nginx comes from apt (scripts/ensure-tools.sh).
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT } from "../browser/harness.mjs";

export function nginxPath() {
  for (const p of [process.env.NGINX, "/usr/sbin/nginx", "/usr/local/sbin/nginx"]) {
    try { if (p) { execFileSync(p, ["-v"], { stdio: "ignore" }); return p; } } catch {}
  }
  try { return execFileSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).trim(); } catch {}
  throw new Error("no nginx found: make test installs Debian's nginx-light, or set NGINX");
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** The recipe with the test's origin, lifetime, port and folder. */
export function recipe({ origin, lifetimeS, port, dir }) {
  const text = readFileSync(path.join(ROOT, "deploy/nginx/barfinex-market.conf"), "utf8");
  const swaps = [
    [/proxy_cache_path \/var\/cache\/nginx\/barfinex /, `proxy_cache_path ${dir}/cache `],
    [/listen 8443;[^\n]*/, `listen 127.0.0.1:${port};`],
    [/https:\/\/api\.binance\.com\//g, `${origin}/binance/`],
    [/https:\/\/fapi\.binance\.com\//g, `${origin}/binance/`],
    [/https:\/\/api\.bybit\.com\//g, `${origin}/bybit/`],
    [/https:\/\/api\.kraken\.com\//g, `${origin}/kraken/`],
    [/https:\/\/api\.coingecko\.com\//g, `${origin}/coingecko/`],
    [/https:\/\/series\.your\.site\/series\//g, `${origin}/series/`],
    [/proxy_cache_valid 200 \d+s;/g, `proxy_cache_valid 200 ${lifetimeS}s;`],
    [/max-age=\d+/g, `max-age=${lifetimeS}`],
  ];
  let out = text;
  for (const [re, to] of swaps) {
    if (!re.test(out)) throw new Error(`the recipe has no ${re}: update tests/scale/nginx.mjs`);
    out = out.replace(re, to);
  }
  return out;
}

/** Starts nginx with the recipe in front of `origin`; resolves to { url, accessLog(), stop() }. */
export async function startNginx({ origin, lifetimeS }) {
  const dir = path.join(ROOT, "target/scale-nginx");
  rmSync(dir, { recursive: true, force: true });
  for (const d of ["cache", "tmp", "logs"]) mkdirSync(path.join(dir, d), { recursive: true });
  const port = await freePort();
  writeFileSync(path.join(dir, "barfinex-market.conf"), recipe({ origin, lifetimeS, port, dir }));
  const root = process.getuid?.() === 0;
  writeFileSync(path.join(dir, "nginx.conf"), `${root ? "user root;\n" : ""}worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  log_format scale '$request_uri $status $upstream_cache_status $request_time';
  access_log ${dir}/logs/access.log scale;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  keepalive_requests 100000;
  include ${dir}/barfinex-market.conf;
}
`);
  const proc = spawn(nginxPath(), ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await new Promise((ok, no) => net.connect(port, "127.0.0.1", ok).on("error", no)); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  return {
    url,
    accessLog: () => readFileSync(path.join(dir, "logs/access.log"), "utf8").split("\n").filter(Boolean),
    stop: () => proc.kill(),
  };
}
