import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { ApiLimits } from '../config';

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

/** graphql-armor's limits on one operation's depth, aliases, directives and cost; the token limit is the caller's to enforce. */
export function armorLimits(options: ArmorOptions): ArmorConfig {
  const { limits } = options;
  return {
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  };
}

/** graphql-armor's limits on one operation's depth, aliases, directives and cost, and a token limit. */
export function armorProtection(options: ArmorOptions): ArmorProtection {
  const { plugins, validationRules } = new ApolloArmor(armorLimits(options)).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: options.limits.maxTokens } };
}
