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

/** A command line as a tool's parser reads it: arguments to run with, a request for help, or what is wrong (exit 2). */
export type ParsedCommandLine<Arguments> =
  | { readonly kind: 'run'; readonly arguments: Arguments }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** The message of what node's parseArgs threw, read without instanceof, which fails across realms (jest). */
export function parseArgsMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
