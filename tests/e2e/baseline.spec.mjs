// The oldest browsers the workbench runs on (README, 浏览器要求): Chrome / Edge 80, Firefox 79, Safari 15,
// and 360 / 奇安信 on a Chromium 80+ kernel. No such browser can be installed here, so what they would
// refuse is checked on the built files themselves:
// - every .wasm validates with only the WebAssembly features they all have (the MVP plus sign-extension,
//   mutable globals, non-trapping float-to-int and bulk memory; no reference types, no multi-value),
//   with binaryen's validator after the module's own feature list is dropped;
// - every script shipped (files and inline scripts of the page and the single file) parses as ES2020
//   (no top-level await, class fields or logical assignment), with acorn.
import { parse } from 'acorn';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const FEATURES = ['--mvp-features', '--enable-sign-ext', '--enable-mutable-globals', '--enable-nontrapping-float-to-int', '--enable-bulk-memory'];
const WASM_OPT = path.resolve('node_modules/.bin/wasm-opt');
const ES = 2020;

/** binaryen's validator on `file` with the baseline features only; returns its complaint, or '' when valid. */
function complaint(file) {
  const bare = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-baseline-')), 'bare.wasm');
  try {
    // Dropped first: a module's target_features section would otherwise add to the features allowed.
    execFileSync(WASM_OPT, ['--strip-target-features', file, '-o', bare], { stdio: 'pipe' });
    execFileSync(WASM_OPT, [...FEATURES, bare, '-o', os.devNull], { stdio: 'pipe' });
    return '';
  } catch (err) {
    return String(err.stderr).slice(0, 400);
  } finally {
    fs.rmSync(path.dirname(bare), { recursive: true, force: true });
  }
}

/** The scripts a page runs: [name, source, isModule], inline ones included. */
function scriptsOf(file) {
  const html = fs.readFileSync(file, 'utf8');
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/\bsrc=/.test(attrs) && !/type="application\/(json|wasm)"/.test(attrs))
    .map(([, attrs, source], i) => [`${path.basename(file)} <script> #${i + 1}`, source, /type="module"/.test(attrs)]);
}

function parseError(source, isModule) {
  try {
    parse(source, { ecmaVersion: ES, sourceType: isModule ? 'module' : 'script' });
    return '';
  } catch (err) {
    return err.message;
  }
}

export default [
  {
    name: 'every WebAssembly module validates with the features of Chrome 80, Firefox 79 and Safari 15',
    async run({ assert, dist }) {
      // The check itself refuses what those browsers refuse: the validator against a module with a
      // reference-typed table (Chrome 96+).
      const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-probe-'));
      const probe = path.join(probeDir, 'probe.wasm');
      fs.writeFileSync(probe, Buffer.from('0061736d010000000404016f0000', 'hex')); // (table 0 externref)
      try {
        assert.match(complaint(probe), /reference|externref|feature/i, 'the validator refuses reference types');
      } finally {
        fs.rmSync(probeDir, { recursive: true, force: true });
      }
      const modules = fs.readdirSync(dist).filter((n) => n.endsWith('.wasm'));
      assert.ok(modules.length >= 3, `the page, portal and Word / Excel modules: ${modules}`);
      for (const name of modules) assert.equal(complaint(path.join(dist, name)), '', `${name} needs a newer browser`);
    },
  },
  {
    name: 'every script shipped parses as ES2020 (no top-level await), the page and the single file included',
    async run({ assert, dist }) {
      assert.notEqual(parseError('await init();', true), '', 'top-level await is refused');
      assert.notEqual(parseError('class A { x = 1 }', false), '', 'class fields are refused');
      const scripts = [
        ...fs.readdirSync(dist).filter((n) => n.endsWith('.js')).map((n) => [n, fs.readFileSync(path.join(dist, n), 'utf8'), /^(jixiao-app-|__wasm_split)/.test(n)]),
        ...scriptsOf(path.join(dist, 'index.html')),
        ...scriptsOf(path.join(dist, 'jixiao-standalone.html')),
      ];
      assert.ok(scripts.some(([name]) => name.startsWith('index.html')), 'the page has its loader inline');
      for (const [name, source, isModule] of scripts) assert.equal(parseError(source, isModule), '', name);
    },
  },
  {
    // What runs in Firefox 79 – 112 and Safari 15 – 16.3 (no DecompressionStream) when the single file
    // starts: every kind of deflate block zlib writes, and damaged data refused with an error, not a hang.
    name: "the single file's own inflater reads stored, fixed and dynamic blocks and refuses damaged data",
    async run({ assert, dist }) {
      const source = fs.readFileSync('src/embed/inline.js', 'utf8');
      const inflate = new Function(`${source}; return jixiaoInflate;`)();
      const wasm = fs.readFileSync(path.join(dist, 'jixiao_bg.wasm'));
      const random = Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) % 251));
      const cases = [
        ['empty', Buffer.alloc(0), {}],
        ['stored (level 0, several blocks)', random, { level: 0 }],
        ['fixed Huffman', Buffer.from('绩效自评'.repeat(5000)), { strategy: zlib.constants.Z_FIXED }],
        ['dynamic Huffman, the workbench itself', wasm, { level: 9 }],
      ];
      for (const [name, input, options] of cases) {
        const out = inflate(new Uint8Array(zlib.gzipSync(input, options)));
        assert.ok(Buffer.from(out).equals(input), name);
      }
      const damaged = new Uint8Array(zlib.gzipSync(wasm.subarray(0, 100000)));
      assert.throws(() => inflate(damaged.subarray(0, damaged.length / 2)), /gzip/);
      assert.throws(() => inflate(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), /not gzip/);
    },
  },
];
