import { periodScenario } from './period-scenario';

// The bit and SUBSTR filters, the self-join on periods and the period bookkeeping in SQL, on MariaDB.
const onMariaDb = process.env['MYSQL_URL'] ? describe : describe.skip;

onMariaDb('periods of the resolution index: two kept periods over a few families (MariaDB stores; skipped without MYSQL_URL)', () => {
  periodScenario('mysql');
});
