import express from 'express';
import { ErrorCode, errorResponseBody } from '../../common/errors';

export interface JsonBodySettings {
  /** The largest body accepted, in bytes or as `express.json` reads it ('1mb'); larger ones get 413. */
  readonly limit: string;
  /** Time a client has, from its headers on, to send the whole body; slower ones get 408 and lose the connection. */
  readonly timeoutMs: number;
}

/**
 * Reads a JSON body (express.json) within a deadline. It runs first on /graphql, before the token
 * is checked and before a request may take or wait for a slot, so a client that announces a body
 * and sends it byte by byte holds nothing but its own socket, and only until the deadline: it is
 * answered 408 with `connection: close` and the socket is closed, whatever is still on its way.
 * Node's own requestTimeout would leave it 300 s, and is a server setting main.ts owns, while this
 * holds for every server the app is mounted on.
 */
export function jsonBody(settings: JsonBodySettings): express.RequestHandler {
  const parse = express.json({ limit: settings.limit });
  return (req, res, next) => {
    const deadline = setTimeout(() => {
      res.shouldKeepAlive = false;
      res.once('finish', () => req.socket.destroy());
      res
        .status(408)
        .set('connection', 'close')
        .json(errorResponseBody(`The request body did not arrive within ${settings.timeoutMs} ms`, ErrorCode.BAD_REQUEST));
    }, settings.timeoutMs);
    // A client that hangs up releases the timer with its connection.
    res.once('close', () => clearTimeout(deadline));
    parse(req, res, (error?: unknown) => {
      clearTimeout(deadline);
      // The deadline answered already: the parser now only reports the connection it closed.
      if (res.headersSent) return;
      next(error);
    });
  };
}
