/** Family ties read off household roles, relationship labels and verification, on hand-made households. */
import { describe, expect, it } from 'vitest';
import type { HouseholdRole, SimSex } from '../population/population.tables.ts';
import { familyOf, relationshipLabel, verifyAgainst } from './registry.records.ts';
import type { SimPersonRow } from './registry.repo.ts';

let nextId = 1;
function person(role: HouseholdRole, sex: SimSex, name: string, over: Partial<SimPersonRow> = {}): SimPersonRow {
  const id = nextId++;
  return {
    id,
    household_id: 1,
    household_role: role,
    full_name: name,
    surname: name.split(' ')[0]!,
    middle_name: null,
    given_name: name.split(' ').at(-1)!,
    sex,
    date_of_birth: '1980-01-01',
    birth_province_code: '089',
    cccd: `0891800000${String(id).padStart(2, '0')}`,
    cmnd: null,
    mobile: null,
    mobile_2: null,
    commune_code: '30307',
    identity_level: 0,
    status: 'alive',
    date_of_death: null,
    ...over,
  };
}

describe('familyOf: an elder-headed household with a married son and grandchildren', () => {
  const grandfather = person('head', 'male', 'Lê Văn Ba');
  const grandmother = person('spouse', 'female', 'Trần Thị Tư');
  const son = person('child', 'male', 'Lê Văn Năm');
  const daughterInLaw = person('child_in_law', 'female', 'Phạm Thị Sáu');
  const grandchild = person('grandchild', 'female', 'Lê Thị Bảy');
  const all = [grandfather, grandmother, son, daughterInLaw, grandchild];

  it('gives the grandchild the son and the daughter-in-law as parents', () => {
    expect(familyOf(grandchild, all)).toEqual({ father: son, mother: daughterInLaw, spouse: undefined });
  });
  it('gives the son his parents and his wife', () => {
    expect(familyOf(son, all)).toEqual({ father: grandfather, mother: grandmother, spouse: daughterInLaw });
  });
  it('gives the daughter-in-law her husband, and no parents (they do not live here)', () => {
    expect(familyOf(daughterInLaw, all)).toEqual({ father: undefined, mother: undefined, spouse: son });
  });
  it('gives the head his wife and no parents', () => {
    expect(familyOf(grandfather, all)).toEqual({ father: undefined, mother: undefined, spouse: grandmother });
  });
});

describe('familyOf: a three-generation household with the head’s parents', () => {
  const head = person('head', 'female', 'Nguyễn Thị Hoa');
  const husband = person('spouse', 'male', 'Võ Văn Minh');
  const mother = person('parent', 'female', 'Đỗ Thị Lan');
  const father = person('parent', 'male', 'Nguyễn Văn Hùng');
  const child = person('child', 'male', 'Võ Gia Bảo');
  const all = [head, husband, mother, father, child];

  it('gives the head her parents and her husband', () => {
    expect(familyOf(head, all)).toEqual({ father, mother, spouse: husband });
  });
  it('pairs the head’s parents as spouses', () => {
    expect(familyOf(mother, all).spouse).toBe(father);
  });
  it('gives the child the head (mother) and her husband (father)', () => {
    expect(familyOf(child, all)).toEqual({ father: husband, mother: head, spouse: undefined });
  });
});

describe('relationshipLabel', () => {
  it.each([
    ['head', 'female', 'Chủ hộ'],
    ['spouse', 'male', 'Chồng'],
    ['spouse', 'female', 'Vợ'],
    ['child', 'male', 'Con'],
    ['child_in_law', 'male', 'Con rể'],
    ['child_in_law', 'female', 'Con dâu'],
    ['grandchild', 'female', 'Cháu'],
    ['parent', 'male', 'Cha'],
    ['parent', 'female', 'Mẹ'],
  ] as const)('%s (%s) → %s', (role, sex, label) => {
    expect(relationshipLabel(role, sex)).toBe(label);
  });
});

describe('verifyAgainst', () => {
  const p = person('head', 'female', 'Nguyễn Thị Thủy', { date_of_birth: '1975-09-02' });

  it('never reveals the stored values in its messages', () => {
    const r = verifyAgainst({ idNumber: p.cccd, fullName: 'Nguyễn Thị Thu', birthDate: '1975-09-03' }, p);
    expect(r.match).toBe(false);
    for (const m of r.mismatches) {
      expect(m.message).not.toContain('Thủy');
      expect(m.message).not.toContain('1975');
    }
  });
  it('matches the old tone placement "Thuỷ"', () => {
    expect(verifyAgainst({ idNumber: p.cccd, fullName: 'Nguyễn Thị Thuỷ', birthDate: '1975-09-02' }, p)).toEqual({ match: true, mismatches: [] });
  });
});
