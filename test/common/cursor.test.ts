import { GraphQLError } from 'graphql';
import { canonicalJson, createCursorCodec } from '../../common/cursor';

const codec = createCursorCodec('cursor-test-secret-0123456789abcdef');
const HOUSEHOLDS = { listing: 'households', filter: { regionPrefix: '3172', desilMax: 4 } };
const POSITION = { listingKey: '1f3a5c7e9b2d4f60', noKK: '3172011506100001' };

function refusal(action: () => unknown): { message: string; extensions: unknown } {
  try {
    action();
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: error.extensions };
    throw error;
  }
  throw new Error('expected the cursor to be refused');
}

const REFUSED = {
  message: 'after is not a cursor this listing returned for this filter',
  extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
};

describe('listing cursors', () => {
  it('when a position is sealed, then opening the cursor with the same listing and filter gives it back', () => {
    expect(codec.decode(HOUSEHOLDS, codec.encode(HOUSEHOLDS, POSITION))).toEqual(POSITION);
  });

  it('when a cursor is made, then it is URL-safe text in which neither the No. KK nor the listing key can be read', () => {
    const cursor = codec.encode(HOUSEHOLDS, POSITION);
    const bytes = Buffer.from(cursor, 'base64url').toString('latin1');

    expect({
      urlSafe: /^[A-Za-z0-9_-]+$/.test(cursor),
      showsNoKK: `${cursor}${bytes}`.includes(POSITION.noKK),
      showsListingKey: `${cursor}${bytes}`.includes(POSITION.listingKey),
    }).toEqual({ urlSafe: true, showsNoKK: false, showsListingKey: false });
  });

  it('when the same position is sealed twice, then the cursors differ (nothing to compare between pages)', () => {
    expect(codec.encode(HOUSEHOLDS, POSITION)).not.toBe(codec.encode(HOUSEHOLDS, POSITION));
  });

  it('when there is no cursor, then the listing starts at the beginning', () => {
    expect([codec.decode(HOUSEHOLDS, undefined), codec.decode(HOUSEHOLDS, null)]).toEqual([null, null]);
  });

  it('when a cursor is used with another listing or another filter, then it is refused', () => {
    const cursor = codec.encode(HOUSEHOLDS, POSITION);

    expect([
      refusal(() => codec.decode({ listing: 'regsosekFamilies', filter: HOUSEHOLDS.filter }, cursor)),
      refusal(() => codec.decode({ listing: 'households', filter: { regionPrefix: '3171', desilMax: 4 } }, cursor)),
      refusal(() => codec.decode({ listing: 'households', filter: null }, cursor)),
    ]).toEqual([REFUSED, REFUSED, REFUSED]);
  });

  it('when a filter is written with its fields in another order or with nulls, then it binds the same cursor', () => {
    const cursor = codec.encode(HOUSEHOLDS, POSITION);

    expect(codec.decode({ listing: 'households', filter: { desilMax: 4, eligibleFor: null, regionPrefix: '3172' } }, cursor)).toEqual(POSITION);
  });

  it('when another server key sealed the cursor, then it is refused', () => {
    const foreign = createCursorCodec('another-deployment-secret-0123456789').encode(HOUSEHOLDS, POSITION);

    expect(refusal(() => codec.decode(HOUSEHOLDS, foreign))).toEqual(REFUSED);
  });

  it('when any byte of a cursor is changed, then it is refused', () => {
    const bytes = Buffer.from(codec.encode(HOUSEHOLDS, POSITION), 'base64url');
    const tampered = Array.from({ length: bytes.length }, (_, i) => {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      return copy.toString('base64url');
    });

    expect(tampered.map((cursor) => refusal(() => codec.decode(HOUSEHOLDS, cursor)))).toEqual(tampered.map(() => REFUSED));
  });

  it.each([
    ['the old readable form', Buffer.from(JSON.stringify({ v: 1, k: '3172011506100001' })).toString('base64url')],
    ['a No. KK', '3172011506100001'],
    ['not base64url', 'abc$%'],
    ['too short to hold a position', Buffer.alloc(20).toString('base64url')],
    ['too long', 'A'.repeat(10_000)],
    ['empty', ''],
  ])('when the cursor is %s, then it is refused', (_case, after) => {
    expect(refusal(() => codec.decode(HOUSEHOLDS, after))).toEqual(REFUSED);
  });
});

describe('canonicalJson', () => {
  it('when objects differ only in key order and absent or null members, then they are written alike', () => {
    expect([canonicalJson({ b: 1, a: { d: null, c: [2, { f: 3, e: undefined }] } }), canonicalJson(null), canonicalJson(undefined)]).toEqual([
      '{"a":{"c":[2,{"f":3}]},"b":1}',
      'null',
      'null',
    ]);
  });
});
