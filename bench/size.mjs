// Where the bytes are: the code-size breakdown of both wasm modules by crate (jixiao by module), from
// `twiggy top` on the release builds with their function names (before wasm-opt strips them; the shares
// carry over). Run by scripts/bench after the release build; prints a table and writes
// target/bench/size-breakdown.json. Usage: node bench/size.mjs OUT.json NAME=FILE.wasm...
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Parts of the release build that never reach the browser: wasm-bindgen's descriptors and the custom
 *  sections (names, wasm-bindgen's schema) that wasm-bindgen and wasm-opt strip. */
export function shipped(name) {
  return !/^("function names" subsection|custom section |export "__wbindgen_describe|__wbindgen_describe)/.test(name)
    && !/^(wasm_bindgen::__rt::|)__wbindgen_describe/.test(name);
}

/** The crate (or jixiao module) a function belongs to, from its demangled name. */
export function groupOf(name) {
  if (/^data segment|^data\[/.test(name)) return '(data: strings, tables, the built-in library)';
  if (!name.includes('::')) return '(wasm sections: types, imports, exports, tables)';
  // `<Type as Trait>::method`: the type's crate pays for it, unless the type is a generic parameter
  // (`<T as tachys::view::Render>` is tachys' code).
  let path = name;
  const qualified = name.match(/^<(.+?) as ([A-Za-z_][A-Za-z0-9_]*)::/);
  if (qualified) {
    const type = qualified[1].replace(/^(dyn |&mut |&|\*const |\*mut |\[|\()+/, '');
    path = /^[A-Z][A-Za-z0-9]?$/.test(type) || !type.includes('::') ? `${qualified[2]}::` : type;
  } else if (path.startsWith('<')) {
    path = path.slice(1).replace(/^(dyn |&mut |&|\*const |\*mut |\[|\()+/, '');
  }
  const segments = path.split('::');
  const crate = segments[0].replace(/[^A-Za-z0-9_].*$/, '');
  if (crate === 'jixiao') return `jixiao::${(segments[1] || '').replace(/[^A-Za-z0-9_].*$/, '')}`;
  return crate || '(other)';
}

function breakdown(file) {
  const out = execFileSync('twiggy', ['top', '--format', 'json', '-n', '1000000', file], { maxBuffer: 1 << 30 });
  const items = JSON.parse(out.toString()).filter((i) => shipped(i.name));
  const total = items.reduce((s, i) => s + i.shallow_size, 0);
  const groups = new Map();
  for (const item of items) {
    const g = groupOf(item.name);
    groups.set(g, (groups.get(g) || 0) + item.shallow_size);
  }
  const rows = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => ({ group, bytes, share: bytes / total }));
  const top = items.filter((i) => i.name.includes('::')).slice(0, 8).map((i) => ({ name: i.name.slice(0, 90), bytes: i.shallow_size }));
  return { file, total, rows, top };
}

const [outFile, ...specs] = process.argv.slice(2);
const result = {};
for (const spec of specs) {
  const [name, file] = spec.split('=');
  if (!fs.existsSync(file)) {
    console.error(`size: ${file} missing`);
    continue;
  }
  const b = breakdown(file);
  result[name] = b;
  console.log(`\n${name}: ${(b.total / 1024).toFixed(0)} KB of code and data shipped (release build before wasm-opt, names kept)`);
  console.log(`  ${'crate / module'.padEnd(52)}${'KB'.padStart(8)}${'share'.padStart(8)}`);
  for (const r of b.rows.slice(0, 16)) {
    console.log(`  ${r.group.padEnd(52)}${(r.bytes / 1024).toFixed(1).padStart(8)}${(100 * r.share).toFixed(1).padStart(7)}%`);
  }
  const rest = b.rows.slice(16).reduce((s, r) => s + r.bytes, 0);
  if (rest) console.log(`  ${`(${b.rows.length - 16} more)`.padEnd(52)}${(rest / 1024).toFixed(1).padStart(8)}${(100 * rest / b.total).toFixed(1).padStart(7)}%`);
  console.log('  largest functions:');
  for (const f of b.top) console.log(`    ${(f.bytes / 1024).toFixed(1).padStart(6)} KB  ${f.name}`);
}
fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
