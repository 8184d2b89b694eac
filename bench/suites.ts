// The benchmark suites run by `npm run bench`; each feature adds its suite here.
import type { BenchSuite } from './measure';
import { parseSuite } from './parse.bench';
import { kernelSuite } from './kernel.bench';
import { exploreSuite } from './explore.bench';
import { webviewSuite } from './webview.bench';
import { interpSuite } from './interp.bench';
import { cliPipeSuite } from './cli-pipe.bench';
import { hostileSuite } from './hostile.bench';

export const suites: BenchSuite[] = [parseSuite, hostileSuite, kernelSuite, exploreSuite, interpSuite, cliPipeSuite, webviewSuite];
