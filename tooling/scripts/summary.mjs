// Prints the plain summary line `N passed, N failed` from a Vitest JSON report.
// CI reads this line; it does not understand Vitest's own summary.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? '.tmp/vitest-report.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A suite that fails to load has no failed tests but is a failure all the same.
const failed =
  (report.numFailedTests ?? 0) +
  (report.numFailedTestSuites ?? 0) -
  countSuitesWithFailedTests(report);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// Skipped tests (opt-in ones, such as the 2 GiB input test) on a line of
// their own: the summary line itself stays exactly `N passed, N failed`.
if (skipped > 0) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);

function countSuitesWithFailedTests(r) {
  return (r.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
}
