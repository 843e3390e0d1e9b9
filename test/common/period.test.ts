import { nextPeriod, parseCutoffDay, parsePeriod, periodOfSubmission, previousPeriod } from '../../common/period';

describe('monthly periods', () => {
  it('when a request is submitted on the cut-off day in Jakarta, then it belongs to that month', () => {
    expect(periodOfSubmission(new Date('2026-12-17T16:59:59Z'), 17)).toBe('2026-12');
  });

  it('when a request is submitted after the cut-off day in Jakarta, then it belongs to the next month, across the year', () => {
    expect(periodOfSubmission(new Date('2026-12-17T17:00:00Z'), 17)).toBe('2027-01');
  });

  it('when the cut-off day is set earlier, then a request after it moves to the next month', () => {
    expect([periodOfSubmission(new Date('2026-03-05T12:00:00Z'), 5), periodOfSubmission(new Date('2026-03-06T00:00:00Z'), 5)]).toEqual(['2026-03', '2026-04']);
  });

  it('when periods are stepped, then they cross the year both ways', () => {
    expect([nextPeriod(parsePeriod('2026-12', 'p')), previousPeriod(parsePeriod('2027-01', 'p'))]).toEqual(['2027-01', '2026-12']);
  });

  it('when a period or cut-off day is malformed, then the error names what was asked', () => {
    expect(() => parsePeriod('2026-13', '--period')).toThrow('--period must be a period as YYYY-MM, got "2026-13"');
    expect(() => parseCutoffDay(31, 'CHANGE_CUTOFF_DAY')).toThrow('CHANGE_CUTOFF_DAY must be a whole number from 1 to 28, got 31');
  });
});
