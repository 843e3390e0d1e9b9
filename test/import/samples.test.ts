import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGISTERS } from '../../common/store-url';
import { exportGeneratedCsv } from '../../import/export-csv';
import { temporaryDir } from './harness';

const SAMPLES = path.join(__dirname, '../../docs/import-samples');

describe('the documented sample files', () => {
  it('when the generator exports 12 families of seed 1 on 2026-01-15, then it writes exactly the committed samples (regenerate them with the command in docs/import.md)', async () => {
    // Arrange
    const temp = temporaryDir();
    try {
      // Act: Jakarta has no desa, so the Kemendes sample is of Nusa Tenggara Timur (53).
      await exportGeneratedCsv({ families: 12, seed: 1, evaluationDate: new Date('2026-01-15T00:00:00Z'), dir: temp.dir });
      await exportGeneratedCsv({ families: 12, seed: 1, evaluationDate: new Date('2026-01-15T00:00:00Z'), dir: path.join(temp.dir, 'ntt'), region: '53' });

      // Assert
      const read = (dir: string, kemendesDir: string) =>
        Object.fromEntries(REGISTERS.map((register) => [register, readFileSync(path.join(register === 'kemendes' ? kemendesDir : dir, `${register}.csv`), 'utf8')]));
      expect(read(temp.dir, path.join(temp.dir, 'ntt'))).toEqual(read(SAMPLES, SAMPLES));
    } finally {
      temp.remove();
    }
  });
});
