const os = require('node:os');

// Test files run in plain Node processes (jest-light-runner), one per core, each process running
// file after file with its modules loaded once: under Jest's own runner every file loaded and
// compiled its ~2,000 modules afresh in a vm context of its own, about half of the suite's CPU
// (docs/performance.md, "The test run's time"). What that gives up: a module's state lives on
// into the worker's next file (a test file's fixtures must not depend on a fresh module), and
// per-test timeouts are not enforced (.ci/run bounds the whole run instead).
//
// TypeScript is compiled by tsx, as `npm start` runs it; the workers inherit NODE_OPTIONS.
if (!(process.env.NODE_OPTIONS ?? '').includes('--import tsx')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim();
}

/** @type {import('jest').Config} */
module.exports = {
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  runner: ['jest-light-runner', { runtime: 'child_process' }],
  // Most of a test's time is spent in servers and stores it waits on: a worker per core.
  maxWorkers: os.availableParallelism(),
};
