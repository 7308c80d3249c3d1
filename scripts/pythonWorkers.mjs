// Counting a page's Python workers, for the benchmark and the pristine-interpreter story. They
// start from blob: URLs in the sandbox frame, like the image's unpacking worker; their names
// (`python-N`) tell them apart.

/**
 * Count the Python workers of a Playwright `page`: alive now, the most alive at once, started.
 * @param {import('@playwright/test').Page} page
 */
export function countPythonWorkers(page) {
  const counts = { alive: 0, most: 0, started: 0 };
  page.on('worker', (worker) => {
    let closed = false;
    let python = false;
    worker.on('close', () => {
      closed = true;
      if (python) counts.alive--;
    });
    worker
      .evaluate(() => self.name)
      .then((name) => {
        if (closed || !name.startsWith('python-')) return;
        python = true;
        counts.alive++;
        counts.started++;
        counts.most = Math.max(counts.most, counts.alive);
      })
      .catch(() => {}); // closed before it could answer
  });
  return counts;
}
