  // The single offline file's wasm (the workbench, its chunks, the file modules): each gzip-compressed
  // and base64-encoded in JIXIAO_INLINE (tools/pack), which halves the file. jixiaoInline(name) is a
  // promise of the bytes: the browser's DecompressionStream where it has one (Chrome 80, Firefox 113,
  // Safari 16.4), else jixiaoInflate below.
  function jixiaoInline(name) {
    const data = JIXIAO_INLINE[name.replace('./', '')];
    if (typeof data !== 'string') return Promise.reject(new Error(name + ' is not in this file'));
    const gz = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    if (typeof DecompressionStream === 'function' && typeof Blob.prototype.stream === 'function') {
      const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
    }
    try {
      return Promise.resolve(jixiaoInflate(gz));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  // A gzip member inflated (RFC 1952 around RFC 1951), after zlib's puff.c: short rather than fast,
  // for the browsers without DecompressionStream.
  function jixiaoInflate(gz) {
    let p = 10;
    const flags = gz[3];
    if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) throw new Error('not gzip data');
    if (flags & 4) p += 2 + (gz[p] | (gz[p + 1] << 8));
    if (flags & 8) while (gz[p++]);
    if (flags & 16) while (gz[p++]);
    if (flags & 2) p += 2;
    const n = gz.length;
    const size = (gz[n - 4] | (gz[n - 3] << 8) | (gz[n - 2] << 16) | (gz[n - 1] << 24)) >>> 0;
    // Deflate expands at most 1032:1: a larger size is damage, not a reason to allocate gigabytes.
    if (n < 18 || size > n * 1032) throw new Error('bad gzip size');
    const out = new Uint8Array(size);
    let o = 0;
    let hold = 0;
    let have = 0;
    const bits = (k) => {
      while (have < k) {
        if (p >= n) throw new Error('gzip data ends early');
        hold |= gz[p++] << have;
        have += 8;
      }
      const v = hold & ((1 << k) - 1);
      hold >>>= k;
      have -= k;
      return v;
    };
    // A canonical Huffman code from its code lengths: how many codes of each length, symbols in order.
    const code = (lengths) => {
      const count = new Uint16Array(16);
      const offs = new Uint16Array(16);
      const symbol = new Uint16Array(lengths.length);
      for (let i = 0; i < lengths.length; i++) count[lengths[i]]++;
      count[0] = 0;
      for (let len = 1; len < 15; len++) offs[len + 1] = offs[len] + count[len];
      for (let s = 0; s < lengths.length; s++) if (lengths[s]) symbol[offs[lengths[s]]++] = s;
      return { count, symbol };
    };
    const decode = (h) => {
      let c = 0;
      let first = 0;
      let index = 0;
      for (let len = 1; len < 16; len++) {
        c |= bits(1);
        const count = h.count[len];
        if (c - first < count) return h.symbol[index + c - first];
        index += count;
        first = (first + count) << 1;
        c <<= 1;
      }
      throw new Error('bad gzip code');
    };
    const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    let last;
    do {
      last = bits(1);
      const type = bits(2);
      if (type === 0) {
        hold = 0;
        have = 0;
        const len = gz[p] | (gz[p + 1] << 8);
        p += 4;
        if (p + len > n || o + len > out.length) throw new Error('gzip data ends early');
        out.set(gz.subarray(p, p + len), o);
        p += len;
        o += len;
        continue;
      }
      let lit;
      let dist;
      if (type === 1) {
        const lengths = new Uint8Array(288);
        lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280);
        lit = code(lengths);
        dist = code(new Uint8Array(30).fill(5));
      } else if (type === 2) {
        const nlen = bits(5) + 257;
        const ndist = bits(5) + 1;
        const ncode = bits(4) + 4;
        const cl = new Uint8Array(19);
        for (let i = 0; i < ncode; i++) cl[ORDER[i]] = bits(3);
        const clCode = code(cl);
        const lengths = new Uint8Array(nlen + ndist);
        for (let i = 0; i < nlen + ndist;) {
          const sym = decode(clCode);
          if (sym < 16) {
            lengths[i++] = sym;
            continue;
          }
          let value = 0;
          let repeat;
          if (sym === 16) {
            if (i === 0) throw new Error('bad gzip lengths');
            value = lengths[i - 1];
            repeat = 3 + bits(2);
          } else if (sym === 17) repeat = 3 + bits(3);
          else repeat = 11 + bits(7);
          if (i + repeat > nlen + ndist) throw new Error('bad gzip lengths');
          while (repeat--) lengths[i++] = value;
        }
        lit = code(lengths.subarray(0, nlen));
        dist = code(lengths.subarray(nlen));
      } else {
        throw new Error('bad gzip block');
      }
      for (;;) {
        const sym = decode(lit);
        if (sym < 256) {
          if (o >= out.length) throw new Error('gzip size differs');
          out[o++] = sym;
        } else if (sym === 256) {
          break;
        } else {
          const s = sym - 257;
          if (s >= 29) throw new Error('bad gzip length');
          const len = LBASE[s] + bits(LEXT[s]);
          const ds = decode(dist);
          if (ds >= 30) throw new Error('bad gzip distance');
          const d = DBASE[ds] + bits(DEXT[ds]);
          if (d > o || o + len > out.length) throw new Error('bad gzip distance');
          for (let k = 0; k < len; k++, o++) out[o] = out[o - d];
        }
      }
    } while (!last);
    if (o !== out.length) throw new Error('gzip size differs');
    return out;
  }
