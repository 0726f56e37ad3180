/**
 * The rules a catalogue entry must meet, whichever way it arrives (starter files, HTTP import, CLI
 * import). Each problem is a Vietnamese sentence fragment, because import reports go straight to the
 * official who filled in the spreadsheet.
 */
import {
  FEE_STATUSES,
  FORM_FIELD_TYPES,
  ONLINE_LEVELS,
  PREFILL_KEYS,
  PROCEDURE_LEVELS,
  SOURCE_CONFIDENCES,
  type DocumentComponent,
  type Fee,
  type FormField,
  type ProcedureInput,
} from '@motcua/contracts';

export const CODE_RE = /^[1-6]\.[0-9]{6}$/;
const UNIT_CODE_RE = /^[0-9A-Z][0-9A-Z.]*$/;
const FIELD_NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;
// Control characters (incl. newlines) break one-line cells and hide in copy-pasted text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
const MAX_FEE_VND = 100_000_000;

const REGISTRY_KEYS: ReadonlySet<string> = new Set(PREFILL_KEYS.registry);
const RESULT_KEYS: ReadonlySet<string> = new Set(PREFILL_KEYS.results);

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** Checks one text value; returns the problem or null. */
function textProblem(label: string, v: unknown, opts: { required?: boolean; max?: number } = {}): string | null {
  if (typeof v !== 'string') return `${label} phải là chuỗi ký tự`;
  if (opts.required !== false && v.trim() === '') return `thiếu ${label}`;
  if (v !== v.trim()) return `${label} có khoảng trắng thừa ở đầu hoặc cuối`;
  if (v !== v.normalize('NFC')) return `${label} không ở dạng Unicode NFC`;
  if (CONTROL_RE.test(v)) return `${label} chứa ký tự điều khiển hoặc xuống dòng`;
  if (opts.max && v.length > opts.max) return `${label} dài quá ${opts.max} ký tự`;
  return null;
}

function oneOf<T extends string>(label: string, v: unknown, values: readonly T[]): string | null {
  return values.includes(v as T) ? null : `${label} "${String(v ?? '')}" không hợp lệ (${values.join('|')})`;
}

/** True when `prefill` names a fact we know how to fetch. */
export function isKnownPrefill(prefill: string): boolean {
  const [source, ...rest] = prefill.split(':');
  const key = rest.join(':');
  if (source === 'registry') return REGISTRY_KEYS.has(key);
  if (source === 'results') return RESULT_KEYS.has(key);
  return false;
}

function feeProblems(fees: unknown): string[] {
  if (!Array.isArray(fees)) return ['lệ phí (fees) phải là danh sách'];
  const out: string[] = [];
  fees.forEach((f: unknown, i) => {
    const at = `lệ phí thứ ${i + 1}`;
    if (!isObj(f)) return void out.push(`${at} phải có dạng {label, amountVnd}`);
    const extra = Object.keys(f).filter((k) => k !== 'label' && k !== 'amountVnd');
    if (extra.length) out.push(`${at} có thuộc tính lạ: ${extra.join(', ')}`);
    const t = textProblem(`nhãn của ${at}`, f.label);
    if (t) out.push(t);
    if (!isInt(f.amountVnd) || f.amountVnd < 0 || f.amountVnd > MAX_FEE_VND) {
      out.push(`số tiền của ${at} phải là số nguyên đồng từ 0 đến ${MAX_FEE_VND}`);
    }
  });
  return out;
}

function componentProblems(components: unknown): string[] {
  if (!Array.isArray(components)) return ['thành phần hồ sơ (components) phải là danh sách'];
  const out: string[] = [];
  components.forEach((c: unknown, i) => {
    const at = `thành phần hồ sơ thứ ${i + 1}`;
    if (!isObj(c)) return void out.push(`${at} phải là đối tượng {name, originals, copies, required}`);
    const extra = Object.keys(c).filter((k) => !['name', 'originals', 'copies', 'required', 'note'].includes(k));
    if (extra.length) out.push(`${at} có thuộc tính lạ: ${extra.join(', ')}`);
    const t = textProblem(`tên ${at}`, c.name, { max: 500 });
    if (t) out.push(t);
    for (const k of ['originals', 'copies'] as const) {
      if (!isInt(c[k]) || (c[k] as number) < 0 || (c[k] as number) > 20) out.push(`${k} của ${at} phải là số nguyên từ 0 đến 20`);
    }
    if (typeof c.required !== 'boolean') out.push(`required của ${at} phải là true hoặc false`);
    if (c.note !== undefined) {
      const n = textProblem(`ghi chú của ${at}`, c.note, { max: 1000 });
      if (n) out.push(n);
    }
  });
  return out;
}

function formProblems(form: unknown): string[] {
  if (!Array.isArray(form)) return ['biểu mẫu (form) phải là danh sách trường'];
  const out: string[] = [];
  const names = new Set<string>();
  form.forEach((f: unknown, i) => {
    const at = `trường biểu mẫu thứ ${i + 1}`;
    if (!isObj(f)) return void out.push(`${at} phải là đối tượng {name, label, type, required}`);
    const extra = Object.keys(f).filter((k) => !['name', 'label', 'type', 'required', 'options', 'prefill'].includes(k));
    if (extra.length) out.push(`${at} có thuộc tính lạ: ${extra.join(', ')}`);
    if (typeof f.name !== 'string' || !FIELD_NAME_RE.test(f.name))
      out.push(`tên ${at} "${String(f.name ?? '')}" phải bắt đầu bằng chữ cái, chỉ gồm chữ, số, _`);
    else if (names.has(f.name)) out.push(`tên trường "${f.name}" lặp lại trong biểu mẫu`);
    else names.add(f.name);
    const l = textProblem(`nhãn ${at}`, f.label, { max: 300 });
    if (l) out.push(l);
    const t = oneOf(`kiểu ${at}`, f.type, FORM_FIELD_TYPES);
    if (t) out.push(t);
    if (typeof f.required !== 'boolean') out.push(`required của ${at} phải là true hoặc false`);
    if (f.type === 'select') {
      if (!Array.isArray(f.options) || f.options.length === 0) out.push(`${at} kiểu select cần danh sách lựa chọn (options)`);
      else if (f.options.some((o) => textProblem('lựa chọn', o) !== null))
        out.push(`lựa chọn của ${at} phải là chuỗi NFC không rỗng`);
      else if (new Set(f.options).size !== f.options.length) out.push(`lựa chọn của ${at} bị lặp`);
    } else if (f.options !== undefined) out.push(`${at} chỉ kiểu select mới có options`);
    if (f.prefill !== undefined && (typeof f.prefill !== 'string' || !isKnownPrefill(f.prefill))) {
      out.push(`nguồn điền sẵn "${String(f.prefill)}" của ${at} không được hỗ trợ`);
    }
  });
  return out;
}

function stringListProblems(label: string, v: unknown, item: (s: unknown) => string | null): string[] {
  if (!Array.isArray(v)) return [`${label} phải là danh sách`];
  const out = v.map(item).filter((p): p is string => p !== null);
  if (new Set(v).size !== v.length) out.push(`${label} có phần tử lặp`);
  return out;
}

/**
 * Excel opens a CSV and turns 2.000200 into the number 2.0002. Guessing the zeros back could turn a
 * typo into a new procedure, so the message explains instead.
 */
function codeProblem(code: unknown): string {
  const c = String(code ?? '');
  const base = `mã thủ tục "${c}" không đúng dạng quốc gia (ví dụ 1.001193)`;
  return /^[1-6]\.[0-9]{1,5}$/.test(c)
    ? `${base}; có thể Excel đã bỏ các số 0 ở cuối: định dạng cột mã là Văn bản hoặc dùng tệp XLSX`
    : base;
}

const KEYS = [
  'code',
  'name',
  'field',
  'level',
  'agencyName',
  'agencyCode',
  'processing',
  'feeStatus',
  'fees',
  'feeNote',
  'onlineLevel',
  'identityLevel',
  'components',
  'form',
  'resultType',
  'chainNext',
  'legalBasis',
  'source',
  'confidence',
] as const satisfies readonly (keyof ProcedureInput)[];

/**
 * Every problem with one entry, empty when it is good. Checks the shape as well as the rules, since
 * imported JSON cells and hand-edited starter files are untyped.
 */
export function procedureProblems(x: unknown): string[] {
  if (!isObj(x)) return ['thủ tục phải là một đối tượng'];
  const p: string[] = [];
  const push = (s: string | null) => s && p.push(s);
  const extra = Object.keys(x).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (extra.length) p.push(`thuộc tính lạ: ${extra.join(', ')}`);

  if (typeof x.code !== 'string' || !CODE_RE.test(x.code)) p.push(codeProblem(x.code));
  push(textProblem('tên thủ tục', x.name, { max: 500 }));
  push(textProblem('lĩnh vực', x.field, { max: 200 }));
  push(oneOf('cấp thực hiện', x.level, PROCEDURE_LEVELS));
  push(textProblem('cơ quan thực hiện', x.agencyName, { max: 300 }));
  if (x.agencyCode !== null && (typeof x.agencyCode !== 'string' || !UNIT_CODE_RE.test(x.agencyCode))) {
    p.push(`mã cơ quan "${String(x.agencyCode)}" không hợp lệ (chữ số, chữ in hoa, dấu chấm)`);
  }
  // A commune-level procedure is handled by every commune, so naming one unit would be wrong.
  if (x.level === 'commune' && typeof x.agencyCode === 'string')
    p.push('thủ tục cấp xã do mọi xã thực hiện: để trống mã cơ quan');

  const t = x.processing;
  if (!isObj(t)) p.push('thiếu thời hạn giải quyết (processing)');
  else {
    const days = t.workingDays;
    const hours = t.hours;
    if (days !== null && (!isInt(days) || days < 0 || days > 365))
      p.push('số ngày làm việc phải là số nguyên từ 0 đến 365 hoặc để trống');
    if (hours !== null && (!isInt(hours) || hours < 0 || hours > 720))
      p.push('số giờ làm việc phải là số nguyên từ 0 đến 720 hoặc để trống');
    if (days !== null && hours !== null) p.push('thời hạn chỉ ghi theo ngày làm việc hoặc theo giờ, không ghi cả hai');
    push(textProblem('mô tả thời hạn', t.text, { required: days !== null || hours !== null, max: 1000 }));
    const extraT = Object.keys(t).filter((k) => !['workingDays', 'hours', 'text'].includes(k));
    if (extraT.length) p.push(`thời hạn có thuộc tính lạ: ${extraT.join(', ')}`);
  }

  push(oneOf('tình trạng lệ phí', x.feeStatus, FEE_STATUSES));
  p.push(...feeProblems(x.fees));
  if (Array.isArray(x.fees)) {
    if (x.feeStatus === 'charged' && x.fees.length === 0) p.push('lệ phí "charged" cần ít nhất một mức thu');
    if (x.feeStatus !== 'charged' && x.fees.length > 0) p.push(`lệ phí "${String(x.feeStatus)}" không được kèm mức thu`);
  }
  push(textProblem('ghi chú lệ phí', x.feeNote, { required: x.feeStatus === 'unknown', max: 1000 }));
  push(oneOf('mức độ trực tuyến', x.onlineLevel, ONLINE_LEVELS));
  if (x.identityLevel !== undefined && x.identityLevel !== 1 && x.identityLevel !== 2) {
    p.push(`mức định danh "${String(x.identityLevel)}" không hợp lệ (1|2, mặc định 1)`);
  }
  p.push(...componentProblems(x.components));
  p.push(...formProblems(x.form));
  push(textProblem('loại kết quả', x.resultType, { max: 300 }));
  p.push(
    ...stringListProblems('thủ tục liên thông (chainNext)', x.chainNext, (c) =>
      typeof c === 'string' && CODE_RE.test(c)
        ? c === x.code
          ? 'thủ tục không thể liên thông với chính nó'
          : null
        : `mã liên thông "${String(c)}" không hợp lệ`,
    ),
  );
  p.push(...stringListProblems('căn cứ pháp lý', x.legalBasis, (s) => textProblem('căn cứ pháp lý', s, { max: 500 })));
  push(textProblem('nguồn', x.source, { max: 2000 }));
  push(oneOf('độ tin cậy', x.confidence, SOURCE_CONFIDENCES));
  return p;
}

/** Narrows after `procedureProblems` returned nothing; the copy drops any prototype surprises. */
export function asProcedureInput(x: Obj): ProcedureInput {
  const t = x.processing as ProcedureInput['processing'];
  return {
    code: x.code as string,
    name: x.name as string,
    field: x.field as string,
    level: x.level as ProcedureInput['level'],
    agencyName: x.agencyName as string,
    agencyCode: (x.agencyCode as string | null) ?? null,
    processing: { workingDays: t.workingDays, hours: t.hours, text: t.text },
    feeStatus: x.feeStatus as ProcedureInput['feeStatus'],
    fees: (x.fees as Fee[]).map((f) => ({ label: f.label, amountVnd: f.amountVnd })),
    feeNote: x.feeNote as string,
    onlineLevel: x.onlineLevel as ProcedureInput['onlineLevel'],
    // 1 is the default: the canonical entry states only a level-2 requirement.
    ...(x.identityLevel === 2 ? { identityLevel: 2 as const } : {}),
    components: (x.components as DocumentComponent[]).map((c) => ({
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      required: c.required,
      ...(c.note !== undefined ? { note: c.note } : {}),
    })),
    form: (x.form as FormField[]).map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required,
      ...(f.options !== undefined ? { options: [...f.options] } : {}),
      ...(f.prefill !== undefined ? { prefill: f.prefill } : {}),
    })),
    resultType: x.resultType as string,
    chainNext: [...(x.chainNext as string[])],
    legalBasis: [...(x.legalBasis as string[])],
    source: x.source as string,
    confidence: x.confidence as ProcedureInput['confidence'],
  };
}

/** Validates one entry: the typed value, or the list of problems. */
export function checkProcedure(x: unknown): { value: ProcedureInput; problems: [] } | { value: null; problems: string[] } {
  const problems = procedureProblems(x);
  return problems.length ? { value: null, problems } : { value: asProcedureInput(x as Obj), problems: [] };
}
