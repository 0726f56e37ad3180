import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../../test/system.ts';
import { ancestorsOf, childrenOf, getUnit, subtreeOf } from './units.service.ts';
import { importUnitsFile } from './units.import.ts';

let sys: TestSystem;
let tmp: string;
beforeAll(async () => {
  sys = await createTestSystem();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-units-'));
});
afterAll(async () => {
  await sys?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('unit tree queries', () => {
  it('children, subtree and ancestors of the old Long Xuyên city', async () => {
    const db = sys.database.db;
    const city = await getUnit(db, '883', '2025-01-01');
    const children = await childrenOf(db, '883', '2025-01-01');
    expect(children).toHaveLength(12);
    const subtree = await subtreeOf(db, city, '2025-01-01');
    expect(subtree).toHaveLength(13);
    expect(subtree[0]!.code).toBe('883');
    const ward = await getUnit(db, '30280', '2025-01-01');
    expect((await ancestorsOf(db, ward)).map((u) => u.code)).toEqual(['89', '883']);
  });

  it('an old unit is not valid after the reform and a new one not before it', async () => {
    const db = sys.database.db;
    await expect(getUnit(db, '883', '2025-07-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getUnit(db, '91.SKHCN', '2025-06-30')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await childrenOf(db, '91', '2025-07-01')).filter((u) => u.kind === 'agency').length).toBe(18);
  });
});

describe('motcua import units', () => {
  it('rejects the whole file when one row is bad, naming each bad line', async () => {
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(
      file,
      '\uFEFFcode,name,kind,subtype,parent_code,valid_from,valid_to\n' +
        '91.SNV2,Sở Nội vụ (thử),agency,department,91,2026-01-01,\n' +
        'x y,Tên,agency,department,91,,\n' +
        '91.ABC,,hamlet,,91,2026-02-30,\n',
    );
    const report = await importUnitsFile(sys.database.db, file);
    expect(report.accepted).toBe(0);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(report.rejected[1]!.reason).toContain('thiếu tên đơn vị');
    expect(report.rejected[1]!.reason).toContain('valid_from "2026-02-30" không phải ngày YYYY-MM-DD');
    const row = await sys.database.db.selectFrom('units').select('id').where('code', '=', '91.SNV2').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('adds a new agency under the province and finds it in the tree', async () => {
    const file = path.join(tmp, 'good.csv');
    fs.writeFileSync(file, 'code,name,kind,subtype,parent_code,valid_from,valid_to,short_name\n91.BQLKKT,Ban Quản lý Khu kinh tế tỉnh An Giang,agency,department,91,2025-07-01,,BQL KKT\n');
    const report = await importUnitsFile(sys.database.db, file);
    expect(report).toEqual({ accepted: 1, rejected: [] });
    const unit = await getUnit(sys.database.db, '91.BQLKKT', '2026-01-01');
    const province = await getUnit(sys.database.db, '91', '2026-01-01');
    expect(unit.path).toBe(`${province.path}${unit.id}/`);
  });
});
