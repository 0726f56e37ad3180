/** The shipped starter catalogue and the entry rules, without a database. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFILL_KEYS, type ProcedureInput } from '@motcua/contracts';
import { readStarterCatalog, STARTER_DIR } from './catalog.loader.ts';
import { cellsToProcedure, PROCEDURE_COLUMNS, procedureToCells } from './catalog.tabular.ts';
import { checkProcedure, isKnownPrefill, procedureProblems } from './catalog.validate.ts';

const starter = readStarterCatalog();
const byCode = new Map(starter.map((p) => [p.code, p]));

function strings(x: unknown, at = ''): { at: string; s: string }[] {
  if (typeof x === 'string') return [{ at, s: x }];
  if (Array.isArray(x)) return x.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (x && typeof x === 'object')
    return Object.entries(x).flatMap(([k, v]) => [...strings(k, `${at}.${k}#key`), ...strings(v, `${at}.${k}`)]);
  return [];
}

describe('starter catalogue (data/product/procedures)', () => {
  it('holds about 25 procedures with unique national codes at commune, province and central level', () => {
    expect(starter.length).toBe(28);
    expect(new Set(starter.map((p) => p.code)).size).toBe(starter.length);
    expect(starter.every((p) => /^[1-6]\.[0-9]{6}$/.test(p.code))).toBe(true);
    expect(new Set(starter.map((p) => p.level))).toEqual(new Set(['commune', 'province', 'central']));
  });

  it('is NFC everywhere in the files as written', () => {
    for (const file of fs.readdirSync(STARTER_DIR).filter((f) => f.endsWith('.json'))) {
      const raw = fs.readFileSync(path.join(STARTER_DIR, file), 'utf8');
      expect(raw, file).toBe(raw.normalize('NFC'));
      const bad = strings(JSON.parse(raw)).filter(({ s }) => s !== s.normalize('NFC'));
      expect(bad, file).toEqual([]);
    }
  });

  it('gives every procedure an e-form with unique field names, Vietnamese labels and valid prefill sources', () => {
    for (const p of starter) {
      const names = p.form.map((f) => f.name);
      expect(new Set(names).size, p.code).toBe(names.length);
      expect(p.form.length, p.code).toBeGreaterThanOrEqual(5);
      expect(
        p.form.some((f) => f.prefill),
        `${p.code} has no prefillable field`,
      ).toBe(true);
      for (const f of p.form) {
        if (f.prefill) expect(isKnownPrefill(f.prefill), `${p.code}.${f.name}: ${f.prefill}`).toBe(true);
        // An English placeholder would be plain ASCII; each Vietnamese label here carries a diacritic.
        expect(/[^ -~]/.test(f.label), `${p.code}.${f.name}`).toBe(true);
      }
    }
  });

  it('has documents, a result, a source and a legal basis for every procedure', () => {
    for (const p of starter) {
      expect(p.components.length, p.code).toBeGreaterThan(0);
      expect(p.resultType, p.code).not.toBe('');
      expect(p.source, p.code).not.toBe('');
      expect(p.legalBasis.length, p.code).toBeGreaterThan(0);
    }
  });

  it('says why wherever time or fee is unknown, instead of inventing a value', () => {
    for (const p of starter) {
      if (p.processing.workingDays === null && p.processing.hours === null)
        expect(p.processing.text, p.code).toMatch(/^Chưa có số liệu/);
      if (p.feeStatus === 'unknown') expect(p.feeNote, p.code).not.toBe('');
    }
  });

  it('keeps the statutory facts of SOURCES.md §7', () => {
    expect(byCode.get('1.004222')).toMatchObject({
      processing: { workingDays: 7, hours: null },
      fees: [
        { label: 'Nộp hồ sơ trực tiếp', amountVnd: 20000 },
        { label: 'Nộp hồ sơ trực tuyến', amountVnd: 10000 },
      ],
    });
    expect(byCode.get('1.003677')).toMatchObject({ processing: { workingDays: 1 }, feeStatus: 'free' });
    expect(byCode.get('1.002820')!.fees).toEqual([{ label: 'Mỗi lần cấp lại', amountVnd: 135000 }]);
    expect(byCode.get('1.012753')!.source).toMatch(/^MÃ ỨNG VIÊN/);
  });

  it('chains birth registration to permanent residence, and every chained code exists', () => {
    expect(byCode.get('1.001193')!.chainNext).toEqual(['1.004222']);
    for (const p of starter) for (const c of p.chainNext) expect(byCode.has(c), `${p.code}→${c}`).toBe(true);
    // The residence form picks the child up from the birth registration result.
    const prefills = byCode.get('1.004222')!.form.map((f) => f.prefill);
    expect(prefills).toEqual(
      expect.arrayContaining(['results:birthRegistration.childFullName', 'results:birthRegistration.childIdNumber']),
    );
  });

  it('leaves out what has no sourced national code (judicial record, child health-insurance card)', () => {
    const names = starter.map((p) => p.name.toLowerCase());
    expect(names.some((n) => n.includes('lý lịch tư pháp'))).toBe(false);
    expect(names.some((n) => n.includes('bảo hiểm y tế'))).toBe(false);
  });

  it('survives the CSV/XLSX cell layout exactly', () => {
    for (const p of starter) {
      const cells = procedureToCells(p, false).map((c) => (c === null ? '' : String(c)));
      const record = Object.fromEntries(PROCEDURE_COLUMNS.map((c, i) => [c, cells[i]!]));
      const { entry, problems } = cellsToProcedure(record);
      expect(problems).toEqual([]);
      expect(checkProcedure(entry)).toEqual({ value: p, problems: [] });
    }
  });
});

describe('entry rules', () => {
  const base = (): ProcedureInput => structuredClone(byCode.get('1.001193')!);
  const problemsOf = (change: (p: ProcedureInput & Record<string, unknown>) => void) => {
    const p = base() as ProcedureInput & Record<string, unknown>;
    change(p);
    return procedureProblems(p);
  };

  it('accepts the starter entry as it is', () => {
    expect(procedureProblems(base())).toEqual([]);
  });

  it('rejects codes outside the national format', () => {
    for (const code of ['7.001193', '1-001193', '1.0011930', '']) {
      expect(
        problemsOf((p) => (p.code = code)),
        code,
      ).toEqual([`mã thủ tục "${code}" không đúng dạng quốc gia (ví dụ 1.001193)`]);
    }
    expect(problemsOf((p) => (p.code = '1.01193'))[0]).toContain('Excel đã bỏ các số 0 ở cuối');
  });

  it('rejects text that is not NFC or spans lines', () => {
    expect(problemsOf((p) => (p.name = 'Đăng ký khai sinh'.normalize('NFD')))).toEqual(['tên thủ tục không ở dạng Unicode NFC']);
    expect(problemsOf((p) => (p.resultType = 'Giấy khai sinh\nbản chính'))).toEqual([
      'loại kết quả chứa ký tự điều khiển hoặc xuống dòng',
    ]);
  });

  it('rejects duplicate form fields, unknown prefill sources and select fields without options', () => {
    expect(problemsOf((p) => p.form.push({ ...p.form[0]! }))).toEqual(['tên trường "requesterFullName" lặp lại trong biểu mẫu']);
    expect(problemsOf((p) => (p.form[0]!.prefill = 'registry:salary'))).toEqual([
      'nguồn điền sẵn "registry:salary" của trường biểu mẫu thứ 1 không được hỗ trợ',
    ]);
    expect(problemsOf((p) => p.form.push({ name: 'kind', label: 'Loại', type: 'select', required: true }))).toEqual([
      `trường biểu mẫu thứ ${base().form.length + 1} kiểu select cần danh sách lựa chọn (options)`,
    ]);
    expect(PREFILL_KEYS.registry).toContain('household');
  });

  it('keeps time, fee and agency consistent', () => {
    expect(problemsOf((p) => (p.processing = { workingDays: 3, hours: 8, text: 'x' }))).toEqual([
      'thời hạn chỉ ghi theo ngày làm việc hoặc theo giờ, không ghi cả hai',
    ]);
    expect(problemsOf((p) => (p.feeStatus = 'charged'))).toEqual(['lệ phí "charged" cần ít nhất một mức thu']);
    expect(problemsOf((p) => (p.fees = [{ label: 'Trực tiếp', amountVnd: 1.5 }]))).toEqual([
      'số tiền của lệ phí thứ 1 phải là số nguyên đồng từ 0 đến 100000000',
      'lệ phí "free" không được kèm mức thu',
    ]);
    expect(problemsOf((p) => (p.agencyCode = '91.STP'))).toEqual(['thủ tục cấp xã do mọi xã thực hiện: để trống mã cơ quan']);
    expect(problemsOf((p) => (p.feeStatus = 'unknown'))).toEqual([]);
    expect(problemsOf((p) => ((p.feeStatus = 'unknown'), (p.feeNote = '')))).toEqual(['thiếu ghi chú lệ phí']);
  });

  it('rejects a chain to itself and unknown properties', () => {
    expect(problemsOf((p) => (p.chainNext = ['1.001193']))).toEqual(['thủ tục không thể liên thông với chính nó']);
    expect(problemsOf((p) => (p.extra = 1))).toEqual(['thuộc tính lạ: extra']);
  });
});
