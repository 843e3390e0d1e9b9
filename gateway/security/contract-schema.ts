import type { Request, Response } from 'express';
import type { Principal } from '../../common/auth/principal';
import type { CallerContracts } from './caller-contract';

/** GET /schema: the caller's contract SDL, so a ministry can generate client types while introspection is off. */
export function contractSchemaHandler(principalOf: (req: Request) => Principal, contracts: CallerContracts) {
  return (req: Request, res: Response): void => {
    res.type('text/plain').send(contracts.of(principalOf(req)).sdl);
  };
}
