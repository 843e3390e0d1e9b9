import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { ApiLimits } from '../config';
import { listCostRule } from './list-cost';

export interface ArmorOptions {
  readonly limits: ApiLimits;
  /** "Did you mean …" in validation errors: harmless where introspection shows the schema anyway. */
  readonly fieldSuggestions: boolean;
}

/** graphql-armor's settings, the same for its Apollo and its Envelop plugins. */
export type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

export interface ArmorProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  /**
   * The token limit is graphql-js's own `maxTokens`: graphql-armor's token plugin throws outside
   * Apollo's parse step, which answers a client's flood with HTTP 500.
   */
  readonly parseOptions: { readonly maxTokens: number };
}

/**
 * graphql-armor's limits on one operation's depth, aliases and directives; the token limit is the
 * caller's to enforce, and the cost is listCostRule's: armor's cost counts a list once unless a
 * literal `first` says otherwise, so a page of households nested through members and their
 * households passed as cheap.
 */
export function armorLimits(options: ArmorOptions): ArmorConfig {
  const { limits } = options;
  return {
    maxDepth: { n: limits.maxDepth },
    // Armor exempts aliases of `__typename` by default, which is what an alias-overloading scanner
    // sends; clients' own `__typename` is unaliased and so never counted.
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  };
}

/** graphql-armor's limits on one operation's depth, aliases and directives, the list-aware cost limit, and a token limit. */
export function armorProtection(options: ArmorOptions): ArmorProtection {
  const { plugins, validationRules } = new ApolloArmor(armorLimits(options)).protect();
  return {
    plugins,
    validationRules: [...validationRules, listCostRule({ maxCost: options.limits.maxCost })],
    parseOptions: { maxTokens: options.limits.maxTokens },
  };
}
