#!/usr/bin/env node
// The `kpr` command: a thin launcher for the bundled CLI (built by `npm install` via `prepare`).
require('../dist/cli.js');
