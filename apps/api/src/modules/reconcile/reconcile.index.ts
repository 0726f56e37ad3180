/**
 * The population registry held in memory for the reconciliation (issue 6 §6, docs/reconcile.md
 * "Engine"): typed arrays, not objects, so that 10 million people fit well under 1 GB.
 *
 * Per registry row (the "columns"):
 *   3 × Uint32 name-part hashes   12 B
 *   Int32 date of birth (days)      4 B
 *   Uint8 status (alive/deceased)   1 B
 *   Uint16 commune (interned)       2 B
 *   Uint16 last 3 digits of the ID  2 B (old_id detail "CCCD tương ứng …123")
 *                                  21 B per row (× up to 2 while growing by doubling)
 * Lookup tables, open addressing with linear probing, load ≤ 0.75 (capacity a power of two):
 *   12-digit ID: Float64 key + Int32 row = 12 B per slot → 16–32 B per row
 *   9-digit old CMND: Uint32 key + Int32 row = 8 B per slot, only for rows that have one.
 * 10 M rows pre-sized: 210 MB columns + 201 MB ID table + ≤ 134 MB CMND table ≈ 525 MB.
 */
import type { RegistryView } from './reconcile.types.ts';

export const NO_DOB = -2147483648;
const EMPTY_F64 = -1;
const EMPTY_U32 = 0xffffffff;
const MAX_LOAD = 0.75;

function pow2AtLeast(n: number): number {
  let c = 16;
  while (c < n) c *= 2;
  return c;
}

/** Mixes a non-negative integer below 2^53 into a 32-bit hash. */
export function hashNumber(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Open-addressing map from a float64 integer key (< 2^53, ≥ 0) to an int32 value. */
export class Float64IntMap {
  keys: Float64Array;
  values: Int32Array;
  size = 0;
  private mask: number;

  constructor(expected = 16) {
    const cap = pow2AtLeast(Math.ceil(expected / MAX_LOAD));
    this.keys = new Float64Array(cap).fill(EMPTY_F64);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get capacity(): number {
    return this.keys.length;
  }

  /** The slot holding key, or the empty slot where it would go (as -slot - 1). */
  private find(key: number): number {
    const keys = this.keys;
    let i = hashNumber(key) & this.mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return i;
      if (k === EMPTY_F64) return -i - 1;
      i = (i + 1) & this.mask;
    }
  }

  get(key: number): number {
    const i = this.find(key);
    return i >= 0 ? this.values[i]! : -1;
  }

  /** Inserts when absent; returns the existing value when present (and changes nothing), else -1. */
  setIfAbsent(key: number, value: number): number {
    const i = this.find(key);
    if (i >= 0) return this.values[i]!;
    if ((this.size + 1) > this.capacity * MAX_LOAD) {
      this.grow();
      return this.setIfAbsent(key, value);
    }
    const slot = -i - 1;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.size++;
    return -1;
  }

  /** Adds delta to the value of key (0 when absent); returns the new value. */
  add(key: number, delta: number): number {
    let i = this.find(key);
    if (i < 0) {
      if ((this.size + 1) > this.capacity * MAX_LOAD) {
        this.grow();
        i = this.find(key);
      }
      const slot = -i - 1;
      this.keys[slot] = key;
      this.values[slot] = 0;
      this.size++;
      i = slot;
    }
    return (this.values[i]! += delta);
  }

  *entries(): Generator<[number, number]> {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY_F64) yield [keys[i]!, this.values[i]!];
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    this.keys = new Float64Array(cap).fill(EMPTY_F64);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === EMPTY_F64) continue;
      let i = hashNumber(k) & this.mask;
      while (this.keys[i] !== EMPTY_F64) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.values[i] = oldValues[j]!;
    }
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }
}

/** Open-addressing map from a uint32 key (≠ 0xFFFFFFFF) to an int32 value: the 9-digit CMND table. */
export class Uint32IntMap {
  keys: Uint32Array;
  values: Int32Array;
  size = 0;
  private mask: number;

  constructor(expected = 16) {
    const cap = pow2AtLeast(Math.ceil(expected / MAX_LOAD));
    this.keys = new Uint32Array(cap).fill(EMPTY_U32);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get capacity(): number {
    return this.keys.length;
  }

  get(key: number): number {
    const keys = this.keys;
    let i = hashNumber(key) & this.mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === EMPTY_U32) return -1;
      i = (i + 1) & this.mask;
    }
  }

  setIfAbsent(key: number, value: number): number {
    if ((this.size + 1) > this.capacity * MAX_LOAD) this.grow();
    const keys = this.keys;
    let i = hashNumber(key) & this.mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === EMPTY_U32) break;
      i = (i + 1) & this.mask;
    }
    keys[i] = key;
    this.values[i] = value;
    this.size++;
    return -1;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap).fill(EMPTY_U32);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === EMPTY_U32) continue;
      let i = hashNumber(k) & this.mask;
      while (this.keys[i] !== EMPTY_U32) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.values[i] = oldValues[j]!;
    }
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }
}

/** The digits of a 12-digit ID as a number, or -1 when it is not exactly 12 ASCII digits. */
export function idKey12(s: string): number {
  return digitsKey(s, 12);
}

/** The digits of a 9-digit CMND as a number, or -1 when it is not exactly 9 ASCII digits. */
export function idKey9(s: string): number {
  return digitsKey(s, 9);
}

function digitsKey(s: string, len: number): number {
  if (s.length !== len) return -1;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export interface RegistryPerson {
  idNumber: string;
  oldIdNumber: string;
  nameHashes: readonly [number, number, number];
  dobDays: number | null;
  deceased: boolean;
  communeCode: string;
}

export type AddResult = { ok: true; row: number; oldIdDuplicate: boolean } | { ok: false; reason: string };

export class RegistryIndex {
  private n = 0;
  private name0: Uint32Array;
  private name1: Uint32Array;
  private name2: Uint32Array;
  private dob: Int32Array;
  private status: Uint8Array;
  private commune: Uint16Array;
  private tail3: Uint16Array;
  private readonly byId: Float64IntMap;
  private readonly byOldId: Uint32IntMap;
  private readonly communeCodes: string[] = [];
  private readonly communeIndex = new Map<string, number>();
  /** Reused by view(): the engine reads it before the next lookup (classify is synchronous). */
  private readonly scratchHashes: [number, number, number] = [0, 0, 0];
  private readonly scratch: { nameHashes: [number, number, number]; dobDays: number | null; deceased: boolean; communeCode: string } = {
    nameHashes: this.scratchHashes,
    dobDays: null,
    deceased: false,
    communeCode: '',
  };

  constructor(expectedRows = 1024) {
    const cap = Math.max(16, expectedRows);
    this.name0 = new Uint32Array(cap);
    this.name1 = new Uint32Array(cap);
    this.name2 = new Uint32Array(cap);
    this.dob = new Int32Array(cap);
    this.status = new Uint8Array(cap);
    this.commune = new Uint16Array(cap);
    this.tail3 = new Uint16Array(cap);
    this.byId = new Float64IntMap(expectedRows);
    this.byOldId = new Uint32IntMap(Math.max(16, expectedRows >>> 2));
  }

  get size(): number {
    return this.n;
  }

  /** Adds a person. A 12-digit ID already present → refused (the later row goes to rejected.csv). */
  add(p: RegistryPerson): AddResult {
    const key = idKey12(p.idNumber);
    if (key < 0) return { ok: false, reason: 'Số định danh không phải 12 chữ số' };
    const old = p.oldIdNumber === '' ? -2 : idKey9(p.oldIdNumber);
    if (old === -1) return { ok: false, reason: 'Số CMND cũ không phải 9 chữ số' };
    if (this.byId.get(key) >= 0) return { ok: false, reason: 'Số định danh trùng với một dòng trước trong sổ dân cư; dòng này không được dùng' };
    let ci = this.communeIndex.get(p.communeCode);
    if (ci === undefined) {
      if (this.communeCodes.length >= 65535) return { ok: false, reason: 'Quá 65.535 mã xã khác nhau' };
      ci = this.communeCodes.length;
      this.communeCodes.push(p.communeCode);
      this.communeIndex.set(p.communeCode, ci);
    }
    this.byId.setIfAbsent(key, this.n);
    if (this.n === this.name0.length) this.growRows();
    const r = this.n++;
    this.name0[r] = p.nameHashes[0];
    this.name1[r] = p.nameHashes[1];
    this.name2[r] = p.nameHashes[2];
    this.dob[r] = p.dobDays === null ? NO_DOB : p.dobDays;
    this.status[r] = p.deceased ? 1 : 0;
    this.commune[r] = ci;
    this.tail3[r] = key % 1000;
    let oldIdDuplicate = false;
    if (old >= 0) oldIdDuplicate = this.byOldId.setIfAbsent(old, r) >= 0;
    return { ok: true, row: r, oldIdDuplicate };
  }

  /** Row of a 12-digit ID, or -1. */
  findById(idNumber: string): number {
    const key = idKey12(idNumber);
    return key < 0 ? -1 : this.byId.get(key);
  }

  /** Row of a 9-digit old CMND, or -1. */
  findByOldId(cmnd: string): number {
    const key = idKey9(cmnd);
    return key < 0 ? -1 : this.byOldId.get(key);
  }

  /**
   * The registry view of a row. The returned object is reused by the next call: read it (classify)
   * before looking up again.
   */
  view(row: number): RegistryView {
    const v = this.scratch;
    v.nameHashes[0] = this.name0[row]!;
    v.nameHashes[1] = this.name1[row]!;
    v.nameHashes[2] = this.name2[row]!;
    const d = this.dob[row]!;
    v.dobDays = d === NO_DOB ? null : d;
    v.deceased = this.status[row] === 1;
    v.communeCode = this.communeCodes[this.commune[row]!]!;
    return v;
  }

  /** The ID of a row masked but for its last 3 digits ("*********123"), for the old_id detail. */
  maskedId(row: number): string {
    return '*********' + String(this.tail3[row]!).padStart(3, '0');
  }

  /** Bytes held by the typed arrays (not counting the interned commune codes). */
  get bytes(): number {
    return (
      this.name0.byteLength * 3 + this.dob.byteLength + this.status.byteLength + this.commune.byteLength + this.tail3.byteLength + this.byId.bytes + this.byOldId.bytes
    );
  }

  private growRows(): void {
    const cap = this.name0.length * 2;
    const grow = <T extends Uint32Array | Int32Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.name0 = grow(this.name0, (n) => new Uint32Array(n));
    this.name1 = grow(this.name1, (n) => new Uint32Array(n));
    this.name2 = grow(this.name2, (n) => new Uint32Array(n));
    this.dob = grow(this.dob, (n) => new Int32Array(n));
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.commune = grow(this.commune, (n) => new Uint16Array(n));
    this.tail3 = grow(this.tail3, (n) => new Uint16Array(n));
  }
}
