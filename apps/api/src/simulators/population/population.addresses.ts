/**
 * Where the synthetic households live: a commune of the province, weighted by its type, and a street
 * address inside it. The communes are real (2025 list); streets and hamlets are plausible inventions,
 * not checked against each commune's actual streets.
 */
import { nfc } from '@motcua/contracts';
import { Random } from '../../demo/random.ts';
import type { PopulationCommune, Weighted } from './population.reference.ts';

// Relative number of residents per commune, by type: wards (phường) are denser than rural communes.
// The three special zones differ too much for one weight: Phú Quốc is a city-sized island, Kiên Hải a
// group of small islands, Thổ Châu a remote one. Our approximation, not census counts.
const TYPE_WEIGHT: Readonly<Record<string, number>> = { 'Phường': 2.2, 'Xã': 1 };
const ZONE_WEIGHT: Readonly<Record<string, number>> = { '31078': 3, '31108': 0.4, '31105': 0.05 };

/** Relative population weight of a commune. */
export function communeWeight(c: PopulationCommune): number {
  return ZONE_WEIGHT[c.code] ?? TYPE_WEIGHT[nfc(c.subtype)] ?? 1;
}

// Street names found in most Vietnamese towns (national heroes and dates), plus Tôn Đức Thắng (born in
// An Giang) and Nguyễn Trung Trực (honoured in Kiên Giang).
const STREETS = [
  'Trần Hưng Đạo', 'Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Nguyễn Trãi', 'Hùng Vương',
  'Trần Phú', 'Nguyễn Thái Học', 'Phan Đình Phùng', 'Lê Hồng Phong', 'Tôn Đức Thắng', 'Nguyễn Văn Cừ',
  'Võ Thị Sáu', 'Nguyễn Du', 'Quang Trung', 'Lý Thái Tổ', 'Ngô Quyền', 'Điện Biên Phủ', '30 Tháng 4',
  'Trần Quang Khải', 'Bà Triệu', 'Nguyễn Trung Trực', 'Phan Chu Trinh', 'Lê Thánh Tôn', 'Mạc Đĩnh Chi',
].map(nfc);

// Mekong hamlet names are mostly two auspicious Sino-Vietnamese syllables ("Mỹ Phú", "Tân Thạnh").
const SYLLABLES = [
  'An', 'Bình', 'Hòa', 'Phú', 'Mỹ', 'Long', 'Tân', 'Thạnh', 'Hưng', 'Phước', 'Vĩnh', 'Khánh', 'Thới',
  'Lộc', 'Thuận', 'Hiệp', 'Trung', 'Đông', 'Tây', 'Quới', 'Thành', 'Lợi',
].map(nfc);

export interface Address {
  houseNumber: string;
  street: string | null;
  hamlet: string;
  address: string;
}

interface Locality {
  urban: boolean;
  hamlets: string[];
  streets: string[];
  /** The commune as written inside an address: "phường Long Xuyên". */
  inAddress: string;
}

/** Hands out communes and addresses; the hamlets and streets of a commune depend only on the seed and its code. */
export class AddressBook {
  readonly #seed: number;
  readonly #communes: Weighted<PopulationCommune>[];
  readonly #localities = new Map<string, Locality>();
  readonly #sequence = new Map<string, number>();

  constructor(seed: number, communes: readonly PopulationCommune[]) {
    if (communes.length === 0) throw new Error('no commune to place households in');
    this.#seed = seed;
    // Sorted by code, so that the order in which a caller lists the communes does not matter.
    this.#communes = [...communes]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((c) => ({ value: c, weight: communeWeight(c) }));
  }

  /** A commune drawn by weight. */
  commune(rng: Random): PopulationCommune {
    return rng.weighted(this.#communes);
  }

  /** The next household code of a commune: "30307-000042". */
  nextCode(communeCode: string): string {
    const n = (this.#sequence.get(communeCode) ?? 0) + 1;
    this.#sequence.set(communeCode, n);
    return `${communeCode}-${String(n).padStart(6, '0')}`;
  }

  #locality(c: PopulationCommune): Locality {
    const known = this.#localities.get(c.code);
    if (known) return known;
    const rng = new Random((Math.imul(this.#seed >>> 0, 0x9e3779b1) ^ Number(c.code)) >>> 0);
    const subtype = nfc(c.subtype);
    const urban = subtype !== 'Xã';
    const hamlets: string[] = [];
    if (urban) {
      // Wards of the old An Giang are divided into khóm, those of the old Kiên Giang into khu phố.
      const word = c.oldProvinceCode === '89' ? 'khóm' : 'khu phố';
      const count = rng.int(5, 12);
      for (let i = 1; i <= count; i++) hamlets.push(`${word} ${i}`);
    } else {
      const count = rng.int(6, 12);
      while (hamlets.length < count) {
        const a = rng.pick(SYLLABLES);
        const b = rng.pick(SYLLABLES);
        const name = `ấp ${a} ${b}`;
        if (a !== b && !hamlets.includes(name)) hamlets.push(name);
      }
    }
    const streets: string[] = [];
    if (urban) {
      const count = rng.int(8, 14);
      while (streets.length < count) {
        const s = rng.pick(STREETS);
        if (!streets.includes(s)) streets.push(s);
      }
    }
    const name = nfc(c.name);
    const inAddress = name.startsWith(subtype + ' ') ? subtype.toLowerCase() + name.slice(subtype.length) : name;
    const locality = { urban, hamlets, streets, inAddress };
    this.#localities.set(c.code, locality);
    return locality;
  }

  /** A house in the commune: "Số 12, đường Lê Lợi, khóm 3, phường Long Xuyên, tỉnh An Giang". */
  address(rng: Random, c: PopulationCommune): Address {
    const l = this.#locality(c);
    const hamlet = rng.pick(l.hamlets);
    if (l.urban) {
      const main = rng.int(1, 350);
      // About one house in six is down an alley (hẻm): "45/7".
      const houseNumber = rng.chance(0.16) ? `${main}/${rng.int(1, 40)}` : String(main);
      const street = `đường ${rng.pick(l.streets)}`;
      return { houseNumber, street, hamlet, address: nfc(`Số ${houseNumber}, ${street}, ${hamlet}, ${l.inAddress}, tỉnh An Giang`) };
    }
    const houseNumber = String(rng.int(1, 999));
    return { houseNumber, street: null, hamlet, address: nfc(`Số ${houseNumber}, ${hamlet}, ${l.inAddress}, tỉnh An Giang`) };
  }
}
