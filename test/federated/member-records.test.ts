import { startSystem, type RegisterData, type RunningSystem } from '../support/system';
import { DEWI, EVALUATION_DATE, SUTRISNO_KK, WORLD } from './fixtures';

// A household's members' names, ages and alive come with the family's own fetch: each register
// sends its records of the NIKs it lists under the family. Where a register does not list a
// member there, only asking it by NIK tells whether it holds the person under another family, and
// its record would decide the name (Regsosek's first) and whether the person is alive.
const OTHER_KK = '3172011506100077';
const sutrisno = WORLD.regsosek[0]!;
const DEWI_ELSEWHERE = { ...sutrisno.members.find((member) => member.nik === DEWI.nik)!, noKK: OTHER_KK, name: 'Dewi Lestari', presence: 2 };
const DEWI_MOVED: RegisterData = {
  ...WORLD,
  regsosek: [
    { ...sutrisno, members: sutrisno.members.filter((member) => member.nik !== DEWI.nik) },
    { ...sutrisno, noKK: OTHER_KK, ranking: null, members: [DEWI_ELSEWHERE] },
  ],
};

describe('when Regsosek lists a member only under another family', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: DEWI_MOVED, evaluationDate: EVALUATION_DATE });
  });
  afterAll(() => system.stop());

  it("then the household gives that member Regsosek's name and death, as the person's own look-up does", async () => {
    const household = await system.query('query ($noKK: String!) { household(noKK: $noKK) { members { nik name age alive } } }', { noKK: SUTRISNO_KK });
    const person = await system.query('query ($nik: String!) { person(nik: $nik) { nik name age alive } }', { nik: DEWI.nik });

    expect(household).toEqual({
      status: 200,
      body: {
        data: {
          household: {
            members: [
              { nik: '3172011203850001', name: 'Budi Sutrisno', age: 40, alive: true },
              { nik: '3172016008880002', name: 'Siti Aminah', age: 36, alive: true },
              { nik: '3172014502210003', name: 'Ayu', age: 4, alive: true },
              { nik: DEWI.nik, name: 'Dewi Lestari', age: 14, alive: false },
            ],
          },
        },
      },
    });
    expect(person).toEqual({ status: 200, body: { data: { person: { nik: DEWI.nik, name: 'Dewi Lestari', age: 14, alive: false } } } });
  });

  it('then asking for the names reads Regsosek once more for that member, and DTKS and P3KE, which list the whole family, not at all', async () => {
    const statements = async (members: string) => {
      system.resetQueryLog();
      const response = await system.query(`query ($noKK: String!) { household(noKK: $noKK) { members { ${members} } } }`, { noKK: SUTRISNO_KK });
      expect(response.body.errors).toBeUndefined();
      return { dtks: system.sql.dtks.length, regsosek: system.sql.regsosek.length, p3ke: system.sql.p3ke.length };
    };

    const keysOnly = await statements('nik');
    const withNames = await statements('nik name alive');

    // Regsosek: Dewi's records by NIK, and the audit entry of that read.
    expect({ dtks: withNames.dtks - keysOnly.dtks, regsosek: withNames.regsosek - keysOnly.regsosek, p3ke: withNames.p3ke - keysOnly.p3ke }).toEqual({
      dtks: 0,
      regsosek: 2,
      p3ke: 0,
    });
  });
});
