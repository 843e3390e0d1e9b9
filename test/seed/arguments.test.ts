import { parseSeedArguments } from '../../seed/arguments';
import { DEFAULT_PBI_JK_ERROR_RATES } from '../../seed/generator';

describe('parseSeedArguments', () => {
  it('when no argument is given, then 5000 families of DKI Jakarta (31) from seed 1 in batches of 5000, without truth', () => {
    expect(parseSeedArguments([])).toEqual({ kind: 'run', arguments: { families: 5000, seed: 1, region: '31', batchSize: 5000, truthFile: null, ifEmpty: false, pbiJkErrors: DEFAULT_PBI_JK_ERROR_RATES } });
  });

  it('when every option is given, then each is read', () => {
    expect(parseSeedArguments(['--families', '100000', '--seed', '7', '--region', '53.71', '--truth', 'data/truth.jsonl', '--batch', '2500'])).toEqual({
      kind: 'run',
      arguments: { families: 100000, seed: 7, region: '5371', batchSize: 2500, truthFile: 'data/truth.jsonl', ifEmpty: false, pbiJkErrors: DEFAULT_PBI_JK_ERROR_RATES },
    });
  });

  it('when help is asked for, then help', () => {
    expect(parseSeedArguments(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--families', 'many'], '--families must be an integer, got "many"'],
    [['--families', '0'], '--families must be from 1 to 1824817, got 0'],
    [['--seed=-1'], '--seed must be from 0 to 9007199254740991, got -1'],
    [['--batch', '1.5'], '--batch must be an integer, got "1.5"'],
    [['--truth', ''], '--truth needs a file name'],
    [['--region', '53.71.01'], '--region must be a province or regency/city code such as 53, 53.71 or 5371, got "53.71.01"'],
    [['--region', 'NTT'], '--region must be a province or regency/city code such as 53, 53.71 or 5371, got "NTT"'],
    [['--region', '54'], '--region 54 is not a province or regency/city of Indonesia'],
    [['--region', '5399'], '--region 53.99 is not a province or regency/city of Indonesia'],
    [['--pbi-jk-errors', '0.1,0.2'], '--pbi-jk-errors must be three or four shares from 0 to 1 (inclusion,exclusion,disagreement[,graduation]), got "0.1,0.2"'],
    [['--pbi-jk-errors', '0.1,2,0'], '--pbi-jk-errors must be three or four shares from 0 to 1 (inclusion,exclusion,disagreement[,graduation]), got "0.1,2,0"'],
    [['--pbi-jk-errors', '0,0,0,0,0'], '--pbi-jk-errors must be three or four shares from 0 to 1 (inclusion,exclusion,disagreement[,graduation]), got "0,0,0,0,0"'],
  ])('when the arguments are %j, then the error says %j', (argv, message) => {
    expect(parseSeedArguments(argv)).toEqual({ kind: 'error', message });
  });

  it('when an unknown option or a positional argument is given, then an error naming it', () => {
    expect(parseSeedArguments(['--rows', '5'])).toEqual({ kind: 'error', message: expect.stringContaining("'--rows'") });
    expect(parseSeedArguments(['5000'])).toEqual({ kind: 'error', message: expect.stringContaining("'5000'") });
  });

  it('when --if-empty is given, then existing data is to be kept rather than refused', () => {
    expect(parseSeedArguments(['--if-empty'])).toEqual({
      kind: 'run',
      arguments: { families: 5000, seed: 1, region: '31', batchSize: 5000, truthFile: null, ifEmpty: true, pbiJkErrors: DEFAULT_PBI_JK_ERROR_RATES },
    });
  });

  it('when --pbi-jk-errors is given three shares, then those shares of inclusion errors, exclusion errors and DTKS-vs-BPJS disagreements are injected, with the default share of graduation candidates', () => {
    expect(parseSeedArguments(['--pbi-jk-errors', '0.1,0,0.05'])).toEqual({
      kind: 'run',
      arguments: {
        families: 5000,
        seed: 1,
        region: '31',
        batchSize: 5000,
        truthFile: null,
        ifEmpty: false,
        pbiJkErrors: { inclusion: 0.1, exclusion: 0, dtksDisagreement: 0.05, graduation: DEFAULT_PBI_JK_ERROR_RATES.graduation },
      },
    });
  });

  it('when --pbi-jk-errors is given a fourth share, then that share of graduation candidates is injected', () => {
    expect(parseSeedArguments(['--pbi-jk-errors', '0.1,0,0.05,0.3'])).toMatchObject({
      kind: 'run',
      arguments: { pbiJkErrors: { inclusion: 0.1, exclusion: 0, dtksDisagreement: 0.05, graduation: 0.3 } },
    });
  });
});
