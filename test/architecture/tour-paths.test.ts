import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const TOUR = 'docs/architecture.md';

/** Backticked text that reads as a repository file: it has a folder and a known extension. */
const FILE_PATH = /^[\w.<>*-]+(?:\/[\w.<>*-]+)+\.(?:ts|graphql|json|md)$/;

function backtickedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
  return [...new Set(spans.filter((span) => FILE_PATH.test(span)))];
}

/** A segment with `<name>` or `*` stands for any one entry of its folder (`subgraphs/<register>/main.ts`). */
function segmentPattern(segment: string): RegExp {
  const escaped = segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/<[^>]+>|\*/g, '[^/]+')}$`);
}

function exists(relative: string): boolean {
  let candidates = [ROOT];
  for (const segment of relative.split('/')) {
    const pattern = segmentPattern(segment);
    candidates = candidates.flatMap((folder) =>
      existsSync(folder) && statSync(folder).isDirectory()
        ? readdirSync(folder).filter((entry) => pattern.test(entry)).map((entry) => path.join(folder, entry))
        : [],
    );
  }
  return candidates.length > 0;
}

function missingPaths(markdown: string): string[] {
  return backtickedPaths(markdown).filter((relative) => !exists(relative));
}

describe('the architecture tour', () => {
  it('when the tour names a file path in backticks, then that file exists', () => {
    const markdown = readFileSync(path.join(ROOT, TOUR), 'utf8');
    expect(backtickedPaths(markdown).length).toBeGreaterThan(50);
    expect(missingPaths(markdown)).toEqual([]);
  });

  it('when a named path or a placeholder path matches no file, then it is reported', () => {
    const markdown = [
      '`gateway/server.ts` `subgraphs/<register>/subgraph.ts` `schema/*.graphql`',
      '`gateway/servr.ts` `subgraphs/<register>/nothing.ts` `x.ts` `npm run compose`',
    ].join('\n');
    expect(missingPaths(markdown)).toEqual(['gateway/servr.ts', 'subgraphs/<register>/nothing.ts']);
  });
});
