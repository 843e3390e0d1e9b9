const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Jest's default leaves a core to itself (one worker on two cores), but most of a test's time is
  // spent in servers and stores it waits on: a worker per core runs the suite in about 60 % of the
  // time. Three workers on two cores were faster still (264 s against 349 s) but starved the timed
  // tests (a breaker's fail-fast, a database restart) in two CI runs out of two.
  maxWorkers: os.availableParallelism(),
  // Jest's runtime, keeping each compiled module's V8 code cache for the worker's later files: half
  // the time jest spent compiling modules in eight system tests (docs/performance.md).
  runtime: '<rootDir>/test/support/jest-runtime.js',
};
