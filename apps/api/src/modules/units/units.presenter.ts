import type { UnitDetail, UnitView } from '@motcua/contracts';
import type { UnitRow, UnitRowWithParent } from './units.repo.ts';

export function presentUnit(r: UnitRowWithParent): UnitView {
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    subtype: r.subtype,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorCodes: r.successor_codes ?? [],
    childCount: Number(r.child_count ?? 0),
    contact: r.contact ?? {},
  };
}

export function presentUnitDetail(r: UnitRowWithParent, ancestors: UnitRow[]): UnitDetail {
  return { ...presentUnit(r), ancestors: ancestors.map((a) => ({ code: a.code, name: a.name, kind: a.kind })) };
}
