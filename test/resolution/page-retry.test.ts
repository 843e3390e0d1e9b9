import { GatewayAnswerError } from '../../resolution/gateway-client';
import { pageRetryPolicy } from '../../resolution/page-retry';

const unavailable = () => new GatewayAnswerError([{ message: 'The DTKS register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE' } }]);

/** A page that fails with each of `failures` in turn, then answers. */
function page(failures: readonly Error[]) {
  let asked = 0;
  return {
    ask: async () => {
      const failure = failures[asked];
      asked += 1;
      if (failure) throw failure;
      return 'resolved';
    },
    asked: () => asked,
  };
}

describe('a resolution page whose registers were unavailable', () => {
  it('when the registers come back within the retries, then the page is asked again until it resolves', async () => {
    const flaky = page([unavailable(), unavailable()]);

    expect({ answer: await pageRetryPolicy(2, 1).execute(flaky.ask), asked: flaky.asked() }).toEqual({ answer: 'resolved', asked: 3 });
  });

  it('when they stay unavailable past the retries, then the page fails with the gateway\'s answer', async () => {
    const down = page([unavailable(), unavailable(), unavailable()]);

    await expect(pageRetryPolicy(2, 1).execute(down.ask)).rejects.toThrow('The gateway answered with errors: SOURCE_UNAVAILABLE: The DTKS register is unavailable');
    expect(down.asked()).toBe(3);
  });

  it('when the gateway answers anything else beside or instead of an unavailable register, then the page fails at once', async () => {
    const refused = page([new GatewayAnswerError([{ message: 'after is not a cursor', extensions: { code: 'BAD_USER_INPUT' } }])]);
    const mixed = page([new GatewayAnswerError([{ message: 'The DTKS register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE' } }, { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }])]);

    await expect(pageRetryPolicy(2, 1).execute(refused.ask)).rejects.toThrow('BAD_USER_INPUT');
    await expect(pageRetryPolicy(2, 1).execute(mixed.ask)).rejects.toThrow('INTERNAL_SERVER_ERROR');
    expect([refused.asked(), mixed.asked()]).toEqual([1, 1]);
  });
});
