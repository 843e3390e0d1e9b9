/** The message and extensions a rejected promise carries, to compare whole with toEqual. */
export async function rejection(promise: Promise<unknown>): Promise<{ message: string; extensions: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions?: unknown };
    return { message, extensions };
  }
  throw new Error('expected the promise to reject');
}

export const badUserInput = (message: string, argumentName: string) => ({
  message,
  extensions: { code: 'BAD_USER_INPUT', argumentName },
});
