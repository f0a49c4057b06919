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
