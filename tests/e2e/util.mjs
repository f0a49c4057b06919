// Small helpers shared by the end-to-end specs.

/** Retries `assertion` until it passes or `timeout` ms have gone by (the UI updates asynchronously). */
export async function until(assertion, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Records the page's CSP violations from its first script on; read them with `cspViolations(page)`. */
export async function cspWatch(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
}

/** The CSP violations recorded since `cspWatch`. */
export const cspViolations = (page) => page.evaluate(() => window.__csp);

/** Cuts the context off the network (file:, data: and blob: still load); returns the URLs it refused. */
export async function networkOff(context) {
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  return refused;
}

/** A generated tree: 10 一级 × 10 二级 × 20 三级 = 2,000 leaves (2,110 rows), every leaf scored in full. */
export function bigEvaluation(example) {
  const e = structuredClone(example);
  e.indicators = [];
  for (let a = 1; a <= 10; a += 1) {
    const top = { id: `${a}`, name: `一级指标${a}`, points: '10', children: [] };
    for (let b = 1; b <= 10; b += 1) {
      const mid = { id: `${a}.${b}`, name: `二级指标${a}.${b}`, points: '1', children: [] };
      for (let c = 1; c <= 20; c += 1) {
        mid.children.push({ id: `${a}.${b}.${c}`, name: `三级指标${a}.${b}.${c}`, points: '0.05', score: '0.05',
          rule: { type: 'manual' } });
      }
      top.children.push(mid);
    }
    e.indicators.push(top);
  }
  e.adjustments = { ...e.adjustments, bonus: { ...e.adjustments.bonus, items: [] }, penalty: { ...e.adjustments.penalty, items: [] } };
  e.stated = {};
  return e;
}
