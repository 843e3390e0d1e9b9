import type { RegsosekAssetsRecord, RegsosekHousingRecord } from '../../subgraphs/regsosek/subgraph';
import type { Random } from './random';

// Housing and assets follow the family's welfare level w in (0, 1): the richer, the more likely
// an owned house with ceramic floors, bottled water, more installed power, a car. Values are the
// REGSOSEK2022.K codes (see subgraphs/regsosek/schema.graphql).

const TENURE = [1, 2, 3, 4, 5, 6];
const FLOOR = [1, 2, 3, 4, 5, 6, 7, 8];
const WALL = [1, 2, 3, 4, 6, 7];
const ROOF = [1, 2, 3, 4, 5, 8];
const ISLAND_WATER = [2, 1, 10, 4];
const WATER = [1, 2, 3, 4, 5, 6, 12];
const LIGHTING = [1, 2, 3];
const POWER = [1, 2, 3, 4, 5];
const COOKING_FUEL = [1, 2, 3, 4, 5, 7, 10, 12];
const TOILET = [1, 2, 3, 4, 6];
const FAECES_DISPOSAL = [1, 2, 3, 4, 5, 6];

export function drawHousing(random: Random, w: number, size: number, island: boolean): RegsosekHousingRecord {
  const poor = 1 - w;
  const tenure = random.choose(TENURE, [0.3 + 0.45 * w, 0.45 - 0.3 * w, 0.12, 0.02 + 0.03 * w, 0.01, 0.02]);
  const perPerson = (6 + 30 * w ** 1.5) * Math.exp(random.normal() * 0.3);
  const floorArea = Math.min(1_000, Math.max(12, Math.round(perPerson * size ** 0.8 + 10)));
  const floor = random.choose(FLOOR, [
    0.02 + 0.3 * w * w,
    0.6,
    0.03 * w,
    0.15 * poor,
    island ? 0.1 : 0.03 * poor,
    0.2 * poor * poor,
    0.002,
    0.01 * poor ** 3,
  ]);
  const wall = random.choose(WALL, [0.85 + 0.14 * w, 0.02 * poor, 0.1 * poor, 0.01 * poor * poor, 0.003 * poor, 0.002]);
  const roof = random.choose(ROOF, [0.05 + 0.35 * w, 0.35, 0.2 * poor + 0.03, 0.35 * poor + 0.05, 0.01, 0.003]);
  const drinkingWater = island
    ? random.choose(ISLAND_WATER, [0.6, 0.15, 0.15, 0.1])
    : random.choose(WATER, [0.05 + 0.35 * w, 0.55 - 0.2 * w, 0.03, 0.12, 0.02 * poor, 0.01 * poor * poor, 0.15]);
  const lighting = random.choose(LIGHTING, [0.97 + 0.03 * w, 0.03 * poor, 0.002]);
  const installedPower =
    lighting === 1
      ? random.choose(POWER, [0.35 * poor * poor, 0.45 * poor + 0.05, 0.2 + 0.2 * w, 0.25 * w * w, 0.35 * w ** 3])
      : null;
  const cookingFuel = random.choose(COOKING_FUEL, [
    0.03 + 0.1 * w * w,
    0.15 * w,
    0.05 + 0.4 * w * w,
    0.75 * poor + 0.1,
    0.02,
    0.01 * poor * poor,
    0.003,
    0.03,
  ]);
  const toilet = random.choose(TOILET, [0.75 + 0.24 * w, 0.12 * poor, 0.08 * poor * poor, 0.02 * poor * poor, 0.003 * poor]);
  const faecesDisposal = random.choose(FAECES_DISPOSAL, [0.85, 0.03 + 0.05 * w, 0.005, (island ? 0.2 : 0.06) * poor * poor, 0.02 * poor, 0.005]);
  return { tenure, floorArea, floor, wall, roof, drinkingWater, lighting, installedPower, cookingFuel, toilet, faecesDisposal };
}

export function drawAssets(random: Random, w: number, island: boolean): RegsosekAssetsRecord {
  const land = random.chance(0.05 + 0.3 * w);
  return {
    gasCylinder: random.chance(0.1 + 0.5 * w),
    fridge: random.chance(0.5 + 0.5 * w),
    airConditioner: random.chance(0.05 + 0.85 * w * w),
    waterHeater: random.chance(0.6 * w * w),
    landline: random.chance(0.02 + 0.2 * w * w),
    television: random.chance(0.85 + 0.14 * w),
    gold: random.chance(0.1 + 0.5 * w),
    computer: random.chance(0.05 + 0.8 * w),
    motorcycle: random.chance(0.6 + 0.2 * w),
    bicycle: random.chance(0.2),
    car: random.chance(w < 0.45 ? 0.002 : ((w - 0.45) / 0.55) * 0.7),
    boat: random.chance(island ? 0.3 : 0.002),
    motorBoat: random.chance(island ? 0.12 : 0.001),
    smartphone: random.chance(0.85 + 0.15 * w),
    bankAccount: random.chance(0.3 + 0.7 * w),
    land,
    landArea: land ? random.int(30, 60) * 10 : 0,
    houseElsewhere: random.chance(0.02 + 0.3 * w * w),
    cattle: 0,
    buffalo: 0,
    horse: 0,
    pig: 0,
    goat: random.chance(0.01) ? random.int(1, 5) : 0,
  };
}
