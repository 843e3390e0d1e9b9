import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { ApiLimits } from '../config';

export interface ArmorOptions {
  readonly limits: ApiLimits;
  /** "Did you mean …" in validation errors: harmless where introspection shows the schema anyway. */
  readonly fieldSuggestions: boolean;
}

export interface ArmorProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  /**
   * The token limit is graphql-js's own `maxTokens`: graphql-armor's token plugin throws outside
   * Apollo's parse step, which answers a client's flood with HTTP 500.
   */
  readonly parseOptions: { readonly maxTokens: number };
}

/** graphql-armor's limits on one operation's depth, aliases, directives and cost, and a token limit. */
export function armorProtection(options: ArmorOptions): ArmorProtection {
  const { limits } = options;
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  }).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
