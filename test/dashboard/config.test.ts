import { loadGatewayConfig } from '../../gateway/config';
import { SECRETS_ENV } from '../support/env';

const pages = (env: NodeJS.ProcessEnv) => {
  const { playground, dashboard } = loadGatewayConfig({ ...SECRETS_ENV, ...env });
  return { playground, dashboard };
};

describe('the dashboard setting of the gateway', () => {
  it('when nothing is set, then the dashboard is on, like the playground', () => {
    expect(pages({})).toEqual({ playground: true, dashboard: true });
  });

  it('when NODE_ENV is production, then the dashboard is off unless DASHBOARD=on', () => {
    expect([pages({ NODE_ENV: 'production' }), pages({ NODE_ENV: 'production', DASHBOARD: 'on' })]).toEqual([
      { playground: false, dashboard: false },
      { playground: false, dashboard: true },
    ]);
  });

  it('when DASHBOARD=off, then only the dashboard is off', () => {
    expect(pages({ DASHBOARD: 'off' })).toEqual({ playground: true, dashboard: false });
  });

  it('when DASHBOARD is neither on nor off, then the error names it', () => {
    expect(() => loadGatewayConfig({ ...SECRETS_ENV, DASHBOARD: 'yes' })).toThrow(/DASHBOARD/);
  });
});
