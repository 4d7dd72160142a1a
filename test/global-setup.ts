/** Runs once before the tests: clears the previous run's temporary sites and builds. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  rmSync(join(import.meta.dirname, '.tmp'), { recursive: true, force: true });
}
