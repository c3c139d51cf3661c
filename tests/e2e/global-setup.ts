// vitest globalSetup of the `e2e` project: build the production extension (.output/chrome-mv3, whose
// manifest a test checks) and the test-only variant (.output/e2e-chrome-mv3) once per run, and make
// sure Chromium is there (in CI its absence is an error; elsewhere the Chromium tests skip).
import { buildExtension, e2eEnabled } from './harness.ts';

export default function setup(): void {
  e2eEnabled();
  buildExtension('prod');
  buildExtension('e2e');
}
