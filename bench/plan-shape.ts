// The subgraph calls and waves of each scenario, read off the query plan the gateway's planner makes
// for the committed supergraph: deterministic, without a server, so a change to a `@requires`,
// `@provides` or key can be judged before it is benchmarked. Prints a table:
//   npx tsx bench/plan-shape.ts [--supergraph schema/supergraph.graphql]
// `npm run bench` records the same calls as they go out (bench/plan-floor.ts), with the dtsen
// subgraph as a service.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { CITY_STATISTICS, HOUSEHOLD_BY_KK, HOUSEHOLD_PAGE, PERSON_BY_NIK, type ScenarioLetter } from './scenarios';

export interface PlanShape {
  /** Subgraph fetches in the plan. */
  readonly calls: number;
  /** Fetches per wave: a wave's fetches go out together, each wave after the one before answers. */
  readonly waves: readonly number[];
  /** Fetches per subgraph. */
  readonly bySubgraph: Readonly<Record<string, number>>;
}

export const SCENARIO_OPERATIONS: Readonly<Record<ScenarioLetter, string>> = {
  a: HOUSEHOLD_BY_KK,
  b: HOUSEHOLD_PAGE,
  c: PERSON_BY_NIK,
  d: CITY_STATISTICS,
};

/** Visits the plan's nodes from wave `start`; returns the first wave after them. */
function walk(node: PlanNode | SubscriptionNode, start: number, fetches: { wave: number; subgraph: string }[]): number {
  switch (node.kind) {
    case 'Fetch':
      fetches.push({ wave: start, subgraph: node.serviceName });
      return start + 1;
    case 'Flatten':
      return walk(node.node, start, fetches);
    case 'Sequence':
      return node.nodes.reduce((wave, child) => walk(child, wave, fetches), start);
    case 'Parallel':
      return Math.max(start, ...node.nodes.map((child) => walk(child, start, fetches)));
    default:
      throw new Error(`plan-shape: a ${node.kind} node is not counted; count it before relying on this tool`);
  }
}

export function shapeOf(plan: QueryPlan): PlanShape {
  const fetches: { wave: number; subgraph: string }[] = [];
  const end = plan.node ? walk(plan.node, 0, fetches) : 0;
  const waves = Array.from({ length: end }, (_, wave) => fetches.filter((fetch) => fetch.wave === wave).length);
  const bySubgraph: Record<string, number> = {};
  for (const fetch of fetches) bySubgraph[fetch.subgraph] = (bySubgraph[fetch.subgraph] ?? 0) + 1;
  return { calls: fetches.length, waves, bySubgraph };
}

/** The plan shape of each operation under the supergraph's SDL. */
export function planShapes(supergraphSdl: string, operations: Readonly<Record<string, string>>): Record<string, PlanShape> {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  return Object.fromEntries(
    Object.entries(operations).map(([name, text]) => [name, shapeOf(planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(text))))]),
  );
}

if (require.main === module) {
  const { values } = parseArgs({ options: { supergraph: { type: 'string', default: path.join(__dirname, '..', 'schema', 'supergraph.graphql') } } });
  const shapes = planShapes(readFileSync(values.supergraph, 'utf8'), SCENARIO_OPERATIONS);
  console.log('| scenario | subgraph calls | waves | calls per subgraph |\n| --- | ---: | --- | --- |');
  for (const [letter, shape] of Object.entries(shapes)) {
    const subgraphs = Object.entries(shape.bySubgraph).map(([name, count]) => `${name} ${count}`).join(', ');
    console.log(`| (${letter}) | ${shape.calls} | ${shape.waves.length} (${shape.waves.join(', ')}) | ${subgraphs} |`);
  }
}
