import { loadGatewayConfig } from '../../gateway/config';
import { trustedDocumentModeOf } from '../../gateway/trusted-documents/modes';
import { SECRETS_ENV } from '../support/env';

const modes = (value: string | undefined) => loadGatewayConfig({ ...SECRETS_ENV, ...(value === undefined ? {} : { TRUSTED_DOCUMENTS: value }) }).trustedDocuments;

describe('TRUSTED_DOCUMENTS', () => {
  it('when it is unset, then partners are logged and every other role is off', () => {
    expect(modes(undefined)).toEqual({ frontend: 'off', analyst: 'off', caseworker: 'off', partner: 'log', auditor: 'off', indexer: 'off', verifier: 'off' });
  });

  it('when it names one mode, then every role has it', () => {
    expect(modes('enforce')).toEqual({ frontend: 'enforce', analyst: 'enforce', caseworker: 'enforce', partner: 'enforce', auditor: 'enforce', indexer: 'enforce', verifier: 'enforce' });
  });

  it('when it pairs roles with modes, then * gives the rest theirs, and without * the rest are off', () => {
    expect({ withRest: modes('partner:enforce, analyst:log, *:log'), withoutRest: modes('partner:enforce') }).toEqual({
      withRest: { frontend: 'log', analyst: 'log', caseworker: 'log', partner: 'enforce', auditor: 'log', indexer: 'log', verifier: 'log' },
      withoutRest: { frontend: 'off', analyst: 'off', caseworker: 'off', partner: 'enforce', auditor: 'off', indexer: 'off', verifier: 'off' },
    });
  });

  it('when the configuration is frozen, then it cannot be changed at run time', () => {
    expect(Object.isFrozen(modes('partner:enforce'))).toBe(true);
  });

  it.each(['strict', 'partner:strict', 'ministry:enforce', 'partner:enforce,partner:off', 'partner', ','])('when it is %j, then the gateway refuses to start, naming the variable', (value) => {
    expect(() => modes(value)).toThrow(/^TRUSTED_DOCUMENTS must be one of off, log, enforce, or role:mode pairs/);
  });

  it('when a principal has several roles, then the strictest of their modes applies', () => {
    const configured = modes('partner:enforce,analyst:log');
    expect([trustedDocumentModeOf(['analyst', 'partner'], configured), trustedDocumentModeOf(['frontend', 'analyst'], configured), trustedDocumentModeOf(['frontend'], configured)]).toEqual([
      'enforce',
      'log',
      'off',
    ]);
  });
});
