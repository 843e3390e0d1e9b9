import type { LoadResult } from '../../bench/load';
import type { PlanShape } from '../../bench/plan-floor';
import type { MeasuredResolution } from '../../bench/stores';
import { benchmarkReport, PLAN_FLOOR, type PairedRow, type Row } from '../../bench/report';

function result(requestsPerSecond: number, p50: number, p99: number): LoadResult {
  return { requestsPerSecond, p50, p95: p99, p99, non2xx: 0, errors: 0, responses: requestsPerSecond * 3, peakRssMb: null };
}

function reportOf(
  rows: readonly Row[],
  paired: readonly PairedRow[] = [],
  resolution: MeasuredResolution = { seconds: 1, families: 10, finished: true, resumed: false },
  plan: PlanShape | null = null,
): string {
  return benchmarkReport({
    command: 'npm run bench',
    store: 'sqlite',
    machine: { cpus: 2, cpuModel: 'test', memoryGb: 1, node: 'v20', platform: 'Linux' },
    families: 10,
    persons: 30,
    seedSeconds: 1,
    resolution,
    durationSeconds: 3,
    rows,
    paired,
    sqlPerRequest: [],
    plan,
  });
}

/** The lines of the report's section under `heading`, up to the next heading. */
function section(report: string, heading: string): string[] {
  const lines = report.split('\n');
  const start = lines.indexOf(heading);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start + 1, end).filter((line) => line.startsWith('|') || line.startsWith('Target met'));
}

function pairedResult(gatewayP50: number, floorP50: number, medianPairDifference: number) {
  return { pairs: 400, failed: 0, gatewayP50, floorP50, medianPairDifference };
}

describe('the benchmark report', () => {
  it('when our gateways and Hive Gateway ran a scenario, then the ratios divide ours by Hive and say whether the target is met', () => {
    const rows: Row[] = [
      { scenario: '(a) household by KK', gateway: 'ours', connections: 10, result: result(200, 40, 90) },
      { scenario: '(a) household by KK', gateway: 'ours-dtsen-http', connections: 10, result: result(80, 60, 150) },
      { scenario: '(a) household by KK', gateway: 'hive', connections: 10, result: result(100, 50, 100) },
    ];

    expect(section(reportOf(rows), '## Ratios against Hive Gateway')).toEqual([
      'Target met in 1 of 2 comparisons.',
      '| Scenario | Clients | Gateway | Requests/s ours ÷ Hive | p99 ours ÷ Hive | Target met |',
      '|---|---:|---|---:|---:|---|',
      '| (a) household by KK | 10 | ours | 2.00 | 0.90 | yes |',
      '| (a) household by KK | 10 | ours-dtsen-http | 0.80 | 1.50 | no |',
    ]);
  });

  it('when a gateway answered nothing within a run, then that cell is not compared', () => {
    const rows: Row[] = [
      { scenario: '(b) page of 50 households', gateway: 'ours', connections: 10, result: result(4, 1500, 2800) },
      { scenario: '(b) page of 50 households', gateway: 'hive', connections: 10, result: result(0, Number.NaN, Number.NaN) },
    ];

    expect(section(reportOf(rows), '## Ratios against Hive Gateway')).toEqual([
      'Target met in 0 of 0 comparisons (1 not compared: a gateway answered nothing within the run; run longer).',
      '| Scenario | Clients | Gateway | Requests/s ours ÷ Hive | p99 ours ÷ Hive | Target met |',
      '|---|---:|---|---:|---:|---|',
      '| (b) page of 50 households | 10 | ours | - | - | not compared: no answer within the run |',
    ]);
  });

  it("when scenario (a), its subgraph calls made directly and the register reads ran, then each gateway's added p50 over those calls is set against the 2 ms target", () => {
    const rows: Row[] = [
      { scenario: '(a) household by KK', gateway: 'ours', connections: 1, result: result(500, 5.5, 6) },
      { scenario: '(a) household by KK', gateway: 'hive', connections: 1, result: result(100, 12, 20) },
      { scenario: PLAN_FLOOR, gateway: null, connections: 1, result: result(250, 4.0, 7) },
      { scenario: 'floor: (a) dtks read, direct', gateway: null, connections: 1, result: result(900, 1.0, 3) },
      { scenario: 'floor: (a) p3ke read, direct', gateway: null, connections: 1, result: result(900, 2.0, 3) },
    ];

    expect(section(reportOf(rows), '## What the gateway adds to scenario (a)')).toEqual([
      "| Clients | Gateway | (a) p50 | (a)'s subgraph calls, direct, p50 | Added | Under 2 ms | Slowest single register read p50 |",
      '|---:|---|---:|---:|---:|---|---:|',
      '| 1 | ours | 5.5 | 4.0 | 1.5 | yes | 2.0 |',
      '| 1 | hive | 12.0 | 4.0 | 8.0 | no | 2.0 |',
    ]);
  });

  it('when the gateways were also measured in pairs with their subgraph calls, then those added p50s follow, each against the 2 ms target', () => {
    const rows: Row[] = [{ scenario: PLAN_FLOOR, gateway: null, connections: 1, result: result(250, 4.0, 7) }];
    const paired: PairedRow[] = [
      { gateway: 'ours', connections: 1, result: pairedResult(5.1, 4.2, 0.8) },
      { gateway: 'hive', connections: 1, result: pairedResult(14.0, 4.1, 9.6) },
    ];

    expect(section(reportOf(rows, paired), '## What the gateway adds to scenario (a)').slice(2)).toEqual([
      "| Clients | Gateway | Pairs | (a) p50 | Its subgraph calls, direct, p50 | Added | Median of the pairs' differences | Under 2 ms |",
      '|---:|---|---:|---:|---:|---:|---:|---|',
      '| 1 | ours | 400 | 5.1 | 4.2 | 0.9 | 0.8 | yes |',
      '| 1 | hive | 400 | 14.0 | 4.1 | 9.9 | 9.6 | no |',
    ]);
  });

  it("when scenario (a) ran with its costs measured, then the table carries each run's CPU per request across the processes, the subgraph calls and our gateways' waves, and issue 18's targets say which are met", () => {
    const withRss = (rps: number, peakRssMb: number, peakRssWithCompanionMb?: number) => ({ ...result(rps, 10, 20), peakRssMb, ...(peakRssWithCompanionMb ? { peakRssWithCompanionMb } : {}) });
    const rows: Row[] = [
      { scenario: '(a) household by KK', gateway: 'ours', connections: 10, result: withRss(200, 240), cost: { cpuMs: 3.5, gatewayCpuMs: 1.25, subgraphCalls: 3 } },
      { scenario: '(a) household by KK', gateway: 'hive', connections: 10, result: withRss(50, 300, 420), cost: { cpuMs: 16, gatewayCpuMs: 6, subgraphCalls: 13 } },
      { scenario: 'floor: (a) dtks read, direct', gateway: null, connections: 10, result: result(900, 1.0, 3), cost: null },
    ];
    const plan: PlanShape = { households: 200, calls: { min: 4, max: 4, mean: 4 }, waves: { min: 2, max: 2 }, commonWaves: '1, 3' };
    const lines = reportOf(rows, [], undefined, plan).split('\n');

    expect(section(lines.join('\n'), '## Scenarios').slice(2)).toEqual([
      '| (a) household by KK | ours | 10 | 200.0 | 10.0 | 20.0 | 20.0 | 0 / 0 | 3.5 | 1.3 | 3.0 | 2 (1, 3) | 240 | - |',
      '| (a) household by KK | hive | 10 | 50.0 | 10.0 | 20.0 | 20.0 | 0 / 0 | 16.0 | 6.0 | 13.0 | - | 300 | 420 |',
      '| floor: (a) dtks read, direct | direct | 10 | 900.0 | 1.0 | 3.0 | 3.0 | 0 / 0 | - | - | - | - | - | - |',
    ]);
    const start = lines.indexOf('## Issue 18: what a household costs');
    expect(lines.slice(start + 2, lines.findIndex((line, index) => index > start && line.startsWith('## ')) - 1)).toEqual([
      "- Scenario (a)'s subgraph calls: 4.0 per household in 2 waves (target: at most 4 in at most 2): met.",
      "- Peak RSS of `ours` over the run: 240 MB against Hive Gateway's 300 MB, 420 MB with the dtsen service it calls (target: at most Hive's): met.",
      '',
      '| Clients | Gateway | CPU per household, all processes (ms) | Target: at most 4 ms |',
      '|---:|---|---:|---|',
      '| 10 | ours | 3.5 | met |',
      '| 10 | hive | 16.0 | not met |',
    ]);
  });

  it.each([
    [{ seconds: 4, families: 10, finished: true, resumed: false }, '4.0 s, 3 families/s'],
    [{ seconds: 2, families: 4, finished: false, resumed: false }, '4 of the 10 families in 2.0 s, 2 families/s, stopped there by --resolve-seconds: the index holds only those'],
    [{ seconds: 2, families: 6, finished: true, resumed: true }, 'the rest of an interrupted run: 6 more families in 2.0 s, 3 families/s'],
    [{ seconds: 2, families: 2, finished: false, resumed: true }, 'the rest of an interrupted run: 2 more families in 2.0 s, 1 families/s, stopped there by --resolve-seconds'],
  ])('when the resolution was %j, then the report says "%s"', (resolution, line) => {
    const report = reportOf([], [], resolution);

    expect(report.split('\n').find((text) => text.startsWith('- Resolution'))).toBe(`- Resolution (filling the index through the gateway): ${line}`);
  });
});
