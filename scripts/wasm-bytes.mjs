// Reading and writing a wasm module's bytes, for trim-module.mjs, drop-unused-imports.mjs and
// order-functions.mjs.
//
//   const r = reader(bytes); for (const { id, end } of r.sections()) if (id === 2) r.u32(); …
//
// `r.at` is the cursor: every read moves it past what it read, and callers set it to skip.

/** A cursor over `bytes` (a Buffer) with the readers the module's sections need. */
export const reader = (bytes) => {
  const r = {
    at: 0,
    byte: () => bytes[r.at++],
    // An unsigned LEB128 number (to 2^53, as a JS number).
    u32: () => {
      let v = 0, shift = 0, b;
      do {
        b = bytes[r.at++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return v;
    },
    // A length-prefixed UTF-8 name.
    name: () => {
      const n = r.u32();
      const s = bytes.toString("utf8", r.at, r.at + n);
      r.at += n;
      return s;
    },
    limits: () => {
      const flags = bytes[r.at++];
      r.u32();
      if (flags & 1) r.u32();
    },
    // Reads past an import's descriptor (function, table, memory, global, tag); returns its kind,
    // or reads nothing more and returns it if the kind is unknown (> 4).
    importDesc: () => {
      const kind = bytes[r.at++];
      if (kind === 0x00) r.u32();
      else if (kind === 0x01) {
        r.at++;
        r.limits();
      } else if (kind === 0x02) r.limits();
      else if (kind === 0x03) r.at += 2;
      else if (kind === 0x04) {
        r.at++;
        r.u32();
      }
      return kind;
    },
    // The module's sections after its 8-byte header, as `{ id, head, start, end }` (`head` where
    // its id is, `start` where its content begins) with the cursor at `start`; the cursor is at
    // `end` again before the next one, however far the caller read.
    *sections() {
      r.at = 8;
      while (r.at < bytes.length) {
        const head = r.at;
        const id = bytes[r.at++];
        const size = r.u32();
        const start = r.at;
        yield { id, head, start, end: start + size };
        r.at = start + size;
      }
    },
  };
  return r;
};

/** `v` as unsigned LEB128 bytes. */
export const leb = (v) => {
  const out = [];
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
};

/** A name as the module stores it: its UTF-8 length, then its bytes. */
export const encodeName = (s) => {
  const b = Buffer.from(s, "utf8");
  return Buffer.concat([leb(b.length), b]);
};
