import { PROGRAMMES, RECEIPT_PROGRAMMES } from '../../../common/programmes';
import type { PkhComponent } from '../../../generated/requires/representations';
import {
  check,
  deepFreeze,
  readArray,
  readBoolean,
  readInteger,
  readNullableInteger,
  readObject,
  readOneOf,
  readString,
} from './json-reader';
import type {
  BltDdRules,
  BpntRules,
  DesilRules,
  ExclusionRules,
  PbiJkRules,
  PipRules,
  PkhComponentRule,
  PkhRules,
  ProgramRules,
  PupilLevel,
  RuleSet,
  SchoolingRules,
  Source,
} from './rule-set-types';

const SOURCES: readonly Source[] = ['DTKS', 'REGSOSEK', 'P3KE'];
const PUPIL_LEVELS: readonly PupilLevel[] = ['SD', 'SMP', 'SMA'];
const PKH_COMPONENTS: readonly PkhComponent[] = [
  'PREGNANT',
  'EARLY_CHILDHOOD',
  'PUPIL_SD',
  'PUPIL_SMP',
  'PUPIL_SMA',
  'SEVERE_DISABILITY',
  'ELDERLY',
];
/** Components that are nothing but an age band (pupils: an age band and a school level). */
const AGE_DEFINED_COMPONENTS: readonly PkhComponent[] = ['EARLY_CHILDHOOD', 'ELDERLY', 'PUPIL_SD', 'PUPIL_SMP', 'PUPIL_SMA'];
const MAX_AGE = 150;

function isAscending(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value > (values[index - 1] ?? value));
}

function readDesil(value: unknown, path: string): DesilRules {
  const raw = readObject(value, path, ['sourceOrder', 'dtksPercentileBands', 'conflictDistance']);
  const sourceOrder = readArray(raw['sourceOrder'], `${path}.sourceOrder`).map((source, index) =>
    readOneOf(source, `${path}.sourceOrder[${index}]`, SOURCES),
  );
  check(
    sourceOrder.length === SOURCES.length && new Set(sourceOrder).size === SOURCES.length,
    `${path}.sourceOrder`,
    `must name each of ${SOURCES.join(', ')} once`,
  );
  const bands = readArray(raw['dtksPercentileBands'], `${path}.dtksPercentileBands`, 1).map((band, index) => {
    const bandPath = `${path}.dtksPercentileBands[${index}]`;
    const rawBand = readObject(band, bandPath, ['maxPercentile', 'desil']);
    return {
      maxPercentile: readInteger(rawBand['maxPercentile'], `${bandPath}.maxPercentile`, 0, 100),
      desil: readInteger(rawBand['desil'], `${bandPath}.desil`, 1, 10),
    };
  });
  check(
    isAscending(bands.map((band) => band.maxPercentile)) && isAscending(bands.map((band) => band.desil)),
    `${path}.dtksPercentileBands`,
    'must ascend in maxPercentile and desil',
  );
  return {
    sourceOrder,
    dtksPercentileBands: bands,
    conflictDistance: readInteger(raw['conflictDistance'], `${path}.conflictDistance`, 1, 9),
  };
}

function readExclusions(value: unknown, path: string): ExclusionRules {
  const raw = readObject(value, path, ['publicEmployment', 'car', 'electricity']);
  const employment = readObject(raw['publicEmployment'], `${path}.publicEmployment`, ['enabled', 'employmentStatusCodes']);
  const car = readObject(raw['car'], `${path}.car`, ['enabled']);
  const electricityPath = `${path}.electricity`;
  const electricity = readObject(raw['electricity'], electricityPath, ['enabled', 'maxInstalledPowerVA', 'installedPowerCodes']);
  const codes = readArray(electricity['installedPowerCodes'], `${electricityPath}.installedPowerCodes`, 1).map((entry, index) => {
    const entryPath = `${electricityPath}.installedPowerCodes[${index}]`;
    const rawEntry = readObject(entry, entryPath, ['code', 'va', 'above']);
    return {
      code: readInteger(rawEntry['code'], `${entryPath}.code`, 1),
      va: readInteger(rawEntry['va'], `${entryPath}.va`, 1),
      above: readBoolean(rawEntry['above'], `${entryPath}.above`),
    };
  });
  check(
    new Set(codes.map((entry) => entry.code)).size === codes.length,
    `${electricityPath}.installedPowerCodes`,
    'must not repeat a code',
  );
  return {
    publicEmployment: {
      enabled: readBoolean(employment['enabled'], `${path}.publicEmployment.enabled`),
      employmentStatusCodes: readArray(employment['employmentStatusCodes'], `${path}.publicEmployment.employmentStatusCodes`, 1).map(
        (code, index) => readInteger(code, `${path}.publicEmployment.employmentStatusCodes[${index}]`, 1),
      ),
    },
    car: { enabled: readBoolean(car['enabled'], `${path}.car.enabled`) },
    electricity: {
      enabled: readBoolean(electricity['enabled'], `${electricityPath}.enabled`),
      maxInstalledPowerVA: readInteger(electricity['maxInstalledPowerVA'], `${electricityPath}.maxInstalledPowerVA`, 1),
      installedPowerCodes: codes,
    },
  };
}

function readSchooling(value: unknown, path: string): SchoolingRules {
  const raw = readObject(value, path, ['levelByAgeWhenOnlyInSchoolIsKnown']);
  const bandsPath = `${path}.levelByAgeWhenOnlyInSchoolIsKnown`;
  const bands = readArray(raw['levelByAgeWhenOnlyInSchoolIsKnown'], bandsPath, 1).map((band, index) => {
    const rawBand = readObject(band, `${bandsPath}[${index}]`, ['maxAge', 'level']);
    return {
      maxAge: readInteger(rawBand['maxAge'], `${bandsPath}[${index}].maxAge`, 0, MAX_AGE),
      level: readOneOf(rawBand['level'], `${bandsPath}[${index}].level`, PUPIL_LEVELS),
    };
  });
  check(isAscending(bands.map((band) => band.maxAge)), bandsPath, 'must ascend in maxAge');
  return { levelByAgeWhenOnlyInSchoolIsKnown: bands };
}

function readAgeRange(raw: Record<string, unknown>, path: string): { minAge: number | null; maxAge: number | null } {
  const minAge = readNullableInteger(raw['minAge'], `${path}.minAge`, 0, MAX_AGE);
  const maxAge = readNullableInteger(raw['maxAge'], `${path}.maxAge`, 0, MAX_AGE);
  check(minAge === null || maxAge === null || minAge <= maxAge, path, 'must have minAge at most maxAge');
  return { minAge, maxAge };
}

function readPkh(value: unknown, path: string): PkhRules {
  const raw = readObject(value, path, ['maxDesil', 'applyExclusions', 'severeDisabilityDifficultyCode', 'components']);
  const components = readArray(raw['components'], `${path}.components`).map((entry, index): PkhComponentRule => {
    const entryPath = `${path}.components[${index}]`;
    const rawEntry = readObject(entry, entryPath, ['component', 'annualAmount', 'cap', 'minAge', 'maxAge']);
    const component = readOneOf(rawEntry['component'], `${entryPath}.component`, PKH_COMPONENTS);
    const ages = readAgeRange(rawEntry, entryPath);
    check(
      !AGE_DEFINED_COMPONENTS.includes(component) || ages.minAge !== null || ages.maxAge !== null,
      entryPath,
      `must set minAge or maxAge for ${component}`,
    );
    return {
      component,
      annualAmount: readInteger(rawEntry['annualAmount'], `${entryPath}.annualAmount`, 0),
      cap: readNullableInteger(rawEntry['cap'], `${entryPath}.cap`, 1),
      ...ages,
    };
  });
  const named = components.map((entry) => entry.component);
  check(
    named.length === PKH_COMPONENTS.length && new Set(named).size === PKH_COMPONENTS.length,
    `${path}.components`,
    `must list each of ${PKH_COMPONENTS.join(', ')} once`,
  );
  return {
    maxDesil: readInteger(raw['maxDesil'], `${path}.maxDesil`, 1, 10),
    applyExclusions: readBoolean(raw['applyExclusions'], `${path}.applyExclusions`),
    severeDisabilityDifficultyCode: readInteger(raw['severeDisabilityDifficultyCode'], `${path}.severeDisabilityDifficultyCode`, 1, 4),
    components,
  };
}

function readBpnt(value: unknown, path: string): BpntRules {
  const raw = readObject(value, path, ['maxDesil', 'applyExclusions', 'monthlyAmount']);
  return {
    maxDesil: readInteger(raw['maxDesil'], `${path}.maxDesil`, 1, 10),
    applyExclusions: readBoolean(raw['applyExclusions'], `${path}.applyExclusions`),
    monthlyAmount: readInteger(raw['monthlyAmount'], `${path}.monthlyAmount`, 0),
  };
}

function readPbiJk(value: unknown, path: string): PbiJkRules {
  const raw = readObject(value, path, ['maxDesil', 'applyExclusions', 'employerInsuranceBit', 'monthlyAmountPerPerson']);
  const bit = readInteger(raw['employerInsuranceBit'], `${path}.employerInsuranceBit`, 1, 1 << 30);
  check((bit & (bit - 1)) === 0, `${path}.employerInsuranceBit`, 'must be a single bit (1, 2, 4, 8, …)');
  return {
    maxDesil: readInteger(raw['maxDesil'], `${path}.maxDesil`, 1, 10),
    applyExclusions: readBoolean(raw['applyExclusions'], `${path}.applyExclusions`),
    employerInsuranceBit: bit,
    monthlyAmountPerPerson: readInteger(raw['monthlyAmountPerPerson'], `${path}.monthlyAmountPerPerson`, 0),
  };
}

function readPip(value: unknown, path: string): PipRules {
  const raw = readObject(value, path, [
    'maxDesil',
    'applyExclusions',
    'eligibleWhenReceivingPkh',
    'eligibleWhenEligibleForPkh',
    'minAge',
    'maxAge',
    'annualAmounts',
  ]);
  const amounts = readObject(raw['annualAmounts'], `${path}.annualAmounts`, PUPIL_LEVELS);
  const ages = readAgeRange(raw, path);
  check(ages.minAge !== null && ages.maxAge !== null, path, 'must set minAge and maxAge');
  return {
    maxDesil: readInteger(raw['maxDesil'], `${path}.maxDesil`, 1, 10),
    applyExclusions: readBoolean(raw['applyExclusions'], `${path}.applyExclusions`),
    eligibleWhenReceivingPkh: readBoolean(raw['eligibleWhenReceivingPkh'], `${path}.eligibleWhenReceivingPkh`),
    eligibleWhenEligibleForPkh: readBoolean(raw['eligibleWhenEligibleForPkh'], `${path}.eligibleWhenEligibleForPkh`),
    minAge: ages.minAge ?? 0,
    maxAge: ages.maxAge ?? 0,
    annualAmounts: {
      SD: readInteger(amounts['SD'], `${path}.annualAmounts.SD`, 0),
      SMP: readInteger(amounts['SMP'], `${path}.annualAmounts.SMP`, 0),
      SMA: readInteger(amounts['SMA'], `${path}.annualAmounts.SMA`, 0),
    },
  };
}

function readBltDd(value: unknown, path: string): BltDdRules {
  const raw = readObject(value, path, [
    'extremePoorMaxDesil',
    'useP3keExtremePoorFlag',
    'applyExclusions',
    'notWhenReceiving',
    'monthlyAmount',
  ]);
  return {
    extremePoorMaxDesil: readInteger(raw['extremePoorMaxDesil'], `${path}.extremePoorMaxDesil`, 1, 10),
    useP3keExtremePoorFlag: readBoolean(raw['useP3keExtremePoorFlag'], `${path}.useP3keExtremePoorFlag`),
    applyExclusions: readBoolean(raw['applyExclusions'], `${path}.applyExclusions`),
    notWhenReceiving: readArray(raw['notWhenReceiving'], `${path}.notWhenReceiving`).map((program, index) =>
      readOneOf(program, `${path}.notWhenReceiving[${index}]`, RECEIPT_PROGRAMMES),
    ),
    monthlyAmount: readInteger(raw['monthlyAmount'], `${path}.monthlyAmount`, 0),
  };
}

function readPrograms(value: unknown, path: string): ProgramRules {
  const raw = readObject(value, path, PROGRAMMES);
  return {
    PKH: readPkh(raw['PKH'], `${path}.PKH`),
    BPNT: readBpnt(raw['BPNT'], `${path}.BPNT`),
    PBI_JK: readPbiJk(raw['PBI_JK'], `${path}.PBI_JK`),
    PIP: readPip(raw['PIP'], `${path}.PIP`),
    BLT_DD: readBltDd(raw['BLT_DD'], `${path}.BLT_DD`),
  };
}

/** A validated, frozen rule set from parsed JSON; throws RuleSetFormatError naming the bad parameter. */
export function parseRuleSet(json: unknown): RuleSet {
  const raw = readObject(json, 'ruleSet', ['version', 'description', 'desil', 'exclusions', 'schooling', 'programs']);
  return deepFreeze({
    version: readString(raw['version'], 'ruleSet.version'),
    description: readString(raw['description'], 'ruleSet.description'),
    desil: readDesil(raw['desil'], 'ruleSet.desil'),
    exclusions: readExclusions(raw['exclusions'], 'ruleSet.exclusions'),
    schooling: readSchooling(raw['schooling'], 'ruleSet.schooling'),
    programs: readPrograms(raw['programs'], 'ruleSet.programs'),
  });
}
