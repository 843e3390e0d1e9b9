const os = require('node:os');

// Test files run in plain Node (jest-light-runner), one worker thread per core running file after
// file with its modules loaded once: under Jest's own runner every file loaded and compiled its
// ~2,000 modules afresh in a vm context of its own, about half of the suite's CPU
// (docs/performance.md, "The test run's time"). What that gives up: a module's state lives on into
// the worker's next file (a test file declares what it starts and stops), and per-test timeouts are
// not enforced (.ci/run bounds the whole run). Worker threads, not the runner's child processes:
// those hand each new process its settings through one shared channel, and a process that asked
// a moment after another could miss its answer and wait for ever.

/** @type {import('jest').Config} */
module.exports = {
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  runner: ['jest-light-runner', { runtime: 'worker_threads' }],
  setupFiles: ['<rootDir>/test/support/typescript.mjs'],
  // Most of a test's time is spent in servers and stores it waits on: a worker per core.
  maxWorkers: os.availableParallelism(),
};
