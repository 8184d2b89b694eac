// The benchmark suites run by `npm run bench`; each feature adds its suite here.
import type { BenchSuite } from './measure';

export const suites: BenchSuite[] = [];
