/* What shows instead of the workbench when it cannot start: a browser without WebAssembly, or one too old
   for the features the build uses (a CompileError, or a SyntaxError in the loader: the shipped scripts are
   checked to parse as ES2020 by tests/e2e/baseline.spec.mjs), or a file that did not arrive — never a blank box.
   A plain script, shared by the page (index.html, through Trunk) and the portal / single-file bundle
   (tools/pack puts it inside the bundle's own scope). */
function jixiaoUnsupported(container, error) {
  var wasm = typeof WebAssembly === 'object';
  var tooOld = !wasm || error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError ||
    error instanceof SyntaxError;
  var box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', tooOld ? 'unsupported' : 'load-failed');
  // Styled through the CSSOM: a style attribute would be refused under a portal's strict CSP.
  var s = box.style;
  s.margin = '16px'; s.padding = '14px 18px'; s.border = '1px solid #fecdca'; s.borderRadius = '6px';
  s.background = '#fef3f2'; s.color = '#b42318'; s.font = '15px/1.7 system-ui, "Microsoft YaHei", sans-serif';
  var title = document.createElement('strong');
  title.textContent = tooOld ? '此浏览器版本过低，无法运行绩效自评工作台' : '绩效自评工作台未能载入';
  var text = document.createElement('p');
  text.textContent = tooOld
    ? '请使用 Chrome 或 Edge 80 及以上、Firefox 79 及以上、Safari 15 及以上版本；360、奇安信等浏览器请切换到“极速模式”（Chromium 80 以上内核）。'
    : '请检查网络后刷新页面；如从本地文件打开，请确认文件完整。';
  var detail = document.createElement('p');
  detail.textContent = '技术信息：' + (error && error.message ? error.message : String(error || '不支持 WebAssembly'));
  detail.style.fontSize = '12px'; detail.style.color = '#667085';
  box.appendChild(title); box.appendChild(text); box.appendChild(detail);
  while (container.firstChild) container.removeChild(container.firstChild);
  container.appendChild(box);
}
