import { periodScenario } from './period-scenario';

describe('periods of the resolution index: two kept periods over a few families (SQLite stores)', () => {
  periodScenario('sqlite');
});
