/**
 * Runs a command's main and sets its exit code. A failure prints its message alone: these
 * errors (bad configuration, stores not empty, gateway unreachable) are meant for the operator.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
