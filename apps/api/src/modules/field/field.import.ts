/**
 * Household lists (seed 003 IV.1.c: "danh sách công dân đã được … phê duyệt tài khoản định danh điện
 * tử VNeID theo từng hộ, từng ấp", provided by the commune police) imported from CSV or XLSX, shared
 * by the upload endpoint and `motcua import households FILE --campaign ID`. All-or-nothing: one bad
 * row and nothing is written; every bad row is named with its line (docs/field-work.md, "file").
 */
import path from 'node:path';
import {
  FIELD_LIST_KINDS,
  HOUSEHOLD_COLUMNS,
  HOUSEHOLD_REQUIRED,
  MOBILE_CARRIERS,
  parseCccd,
  parseCmnd,
  parseMobile,
  type CampaignKind,
  type FieldIdType,
  type FieldListKind,
  type MobileCarrier,
} from '@motcua/contracts';
import type { HouseholdImportReport } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnToday } from '../../shared/dates.ts';
import type { RejectedRow } from '../../shared/import-report.ts';
import type { Actor } from '../../shared/policy.ts';
import { readTabularFile, type TabularRow } from '../../shared/tabular.ts';
import { campaignAccess, findCampaign, type CampaignRow } from '../campaigns/campaigns.access.ts';
import { findUnitByCode } from '../units/units.service.ts';
import * as repo from './field.repo.ts';

/** The list a campaign's kind implies when the file leaves list_kind empty. */
const DEFAULT_LIST_KIND: Record<CampaignKind, FieldListKind> = {
  vneid_activation: 'approved_not_activated',
  subscriber_verification: 'to_verify',
  online_services_drive: 'approved_not_activated',
};

/** Hamlet and household names: NFC, trimmed, inner spaces collapsed (so "Ấp  Mỹ Hòa" is "Ấp Mỹ Hòa"). */
export const tidy = (s: string | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

export interface CheckedPerson {
  line: number;
  unitId: number;
  hamlet: string;
  householdCode: string;
  address: string;
  fullName: string;
  idType: FieldIdType;
  idNumber: string;
  birthYear: number | null;
  phone: string | null;
  listKind: FieldListKind;
  msisdn: string | null;
  carrier: MobileCarrier | null;
}

/** Carrier names as phone.ts writes them, matched without regard to case or spaces ("vinaphone", "Mobi Fone"). */
const CARRIER_BY_KEY = new Map<string, MobileCarrier>(MOBILE_CARRIERS.map((c) => [c.toLowerCase().replace(/\s+/g, ''), c]));

/**
 * The person's paper. 12 digits: a CCCD (parseCccd: province, century/sex digit, birth year). 9 digits:
 * an old CMND (parseCmnd: digits only; the issuing prefix table is partial, so it proves nothing), taken
 * only on to_verify lists — seed 002 II.1 targets subscribers "Đang sử dụng Chứng minh nhân dân 9 số để
 * đăng ký SIM", while a VNeID account (seed 003) is approved on the CCCD.
 */
function parseIdNumber(raw: string, listKind: FieldListKind, currentYear: number): { ok: true; type: FieldIdType; number: string; birthYear: number | null } | { ok: false; message: string } {
  const digits = raw.replace(/[\s.-]/g, '');
  if (listKind === 'to_verify' && /^[0-9]{9}$/.test(digits)) {
    const cmnd = parseCmnd(digits);
    return cmnd.ok ? { ok: true, type: 'cmnd', number: cmnd.number, birthYear: null } : { ok: false, message: `số CMND: ${cmnd.message}` };
  }
  const cccd = parseCccd(raw, { currentYear });
  if (cccd.ok) return { ok: true, type: 'cccd', number: cccd.number, birthYear: cccd.birthYear };
  if (listKind === 'to_verify' && !/^[0-9]{12}$/.test(digits)) return { ok: false, message: 'số giấy tờ: nhập số CCCD gồm 12 chữ số hoặc số CMND cũ gồm 9 chữ số' };
  if (/^[0-9]{9}$/.test(digits)) return { ok: false, message: 'số CCCD: danh sách approved_not_activated cần số CCCD 12 chữ số (CMND 9 số chỉ dùng cho danh sách to_verify)' };
  return { ok: false, message: `số CCCD: ${cccd.message}` };
}

interface Scope {
  campaign: CampaignRow;
  /** Communes must lie in this subtree (the importer's scope on the campaign). */
  scopePath: string;
}

/** Checks every row; returns the people or every rejected row (never both). */
export async function validateHouseholdRows(db: Db, rows: TabularRow[], scope: Scope): Promise<{ items: CheckedPerson[]; rejected: RejectedRow[] }> {
  if (rows.length === 0) return { items: [], rejected: [{ line: 1, reason: 'tệp không có dòng dữ liệu nào' }] };
  const present = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const missing = HOUSEHOLD_REQUIRED.filter((c) => c !== 'list_kind' && !present.has(c));
  if (missing.length) return { items: [], rejected: [{ line: 1, reason: `thiếu cột: ${missing.join(', ')} (các cột: ${HOUSEHOLD_COLUMNS.join(', ')})` }] };

  const { campaign, scopePath } = scope;
  type UnitFacts = { id: number; path: string; kind: string; name: string };
  const units = new Map<string, UnitFacts | null>();
  const unitOf = async (code: string): Promise<UnitFacts | null> => {
    if (!units.has(code)) {
      // Units as they were when the campaign began, else today's (a campaign planned on new units).
      const u = (await findUnitByCode(db, code, campaign.window_start)) ?? (await findUnitByCode(db, code, vnToday()));
      units.set(code, u ? { id: Number(u.id), path: u.path, kind: u.kind, name: u.name } : null);
    }
    return units.get(code)!;
  };
  // Keys "type:number" of the people already on the campaign's list.
  const existingIds = await repo.existingIdNumbers(
    db,
    campaign.id,
    rows.map((r) => (r.values.id_number ?? '').replace(/[\s.-]/g, '')),
  );
  const currentYear = Number(vnToday().slice(0, 4));
  const firstLineOfId = new Map<string, number>();
  const householdInFile = new Map<string, { line: number; hamlet: string; address: string }>();
  const items: CheckedPerson[] = [];
  const rejected: RejectedRow[] = [];

  for (const { line, values: v } of rows) {
    const problems: string[] = [];
    const code = tidy(v.commune_code).toUpperCase();
    const hamlet = tidy(v.hamlet);
    const householdCode = tidy(v.household_code);
    const address = tidy(v.address);
    const fullName = tidy(v.full_name);
    let unit: UnitFacts | null = null;
    if (!code) problems.push('thiếu mã xã (commune_code)');
    else {
      unit = await unitOf(code);
      if (!unit) problems.push(`không có đơn vị mã ${code}`);
      else if (unit.kind !== 'commune') problems.push(`${code} (${unit.name}) không phải xã, phường, đặc khu`);
      else if (!unit.path.startsWith(campaign.scope_path)) problems.push(`xã ${code} không thuộc địa bàn chiến dịch`);
      else if (!unit.path.startsWith(scopePath)) problems.push(`không có quyền nhập danh sách cho xã ${code}`);
    }
    if (!hamlet) problems.push('thiếu tên ấp/khóm/khu phố (hamlet)');
    else if (hamlet.length > 200) problems.push('tên ấp quá dài (tối đa 200 ký tự)');
    if (!householdCode) problems.push('thiếu mã hộ (household_code)');
    else if (householdCode.length > 64) problems.push('mã hộ quá dài (tối đa 64 ký tự)');
    if (address.length > 500) problems.push('địa chỉ quá dài (tối đa 500 ký tự)');
    if (!fullName) problems.push('thiếu họ tên (full_name)');
    else if (fullName.length > 200 || /[0-9]/.test(fullName)) problems.push('họ tên không hợp lệ');

    const kindText = tidy(v.list_kind);
    const listKind = (kindText || DEFAULT_LIST_KIND[campaign.kind]) as FieldListKind;
    const kindOk = (FIELD_LIST_KINDS as readonly string[]).includes(listKind);
    if (!kindOk) problems.push(`list_kind "${kindText}" phải là ${FIELD_LIST_KINDS.join(' hoặc ')}`);

    const id = parseIdNumber(v.id_number ?? '', kindOk ? listKind : 'approved_not_activated', currentYear);
    let idNumber = '';
    let idType: FieldIdType = 'cccd';
    if (!id.ok) problems.push(id.message);
    else {
      idNumber = id.number;
      idType = id.type;
      const paper = id.type === 'cmnd' ? 'CMND' : 'CCCD';
      // Unique per campaign on (id_type, id_number), as the database says.
      const key = `${id.type}:${idNumber}`;
      const seen = firstLineOfId.get(key);
      if (seen !== undefined) problems.push(`số ${paper} trùng với dòng ${seen}`);
      else firstLineOfId.set(key, line);
      if (existingIds.has(key)) problems.push('người này đã có trong danh sách của chiến dịch');
    }

    let birthYear: number | null = null;
    const by = tidy(v.birth_year);
    if (by) {
      if (!/^[0-9]{4}$/.test(by) || Number(by) < 1900 || Number(by) > currentYear) problems.push(`năm sinh "${by}" không hợp lệ`);
      else {
        birthYear = Number(by);
        if (id.ok && id.birthYear !== null && id.birthYear !== birthYear) problems.push(`năm sinh ${birthYear} không khớp số CCCD (năm ${id.birthYear})`);
      }
    }

    let phone: string | null = null;
    if (tidy(v.phone)) {
      const m = parseMobile(v.phone!);
      if (!m.ok) problems.push(`số điện thoại: ${m.message}`);
      else phone = m.national;
    }

    // The subscriber to verify (seed 002) and its carrier. The carrier column wins over the prefix:
    // a ported number (chuyển mạng giữ số) keeps a prefix of its old carrier.
    let msisdn: string | null = null;
    let carrier: MobileCarrier | null = null;
    const carrierText = tidy(v.carrier);
    if (tidy(v.msisdn)) {
      const m = parseMobile(v.msisdn!);
      if (!m.ok) problems.push(`số thuê bao (msisdn): ${m.message}`);
      else {
        msisdn = m.national;
        carrier = m.carrier;
      }
      if (kindOk && listKind !== 'to_verify') problems.push('số thuê bao cần xác thực (msisdn) chỉ dùng cho danh sách to_verify');
    }
    if (carrierText) {
      const named = CARRIER_BY_KEY.get(carrierText.toLowerCase().replace(/\s+/g, ''));
      if (!named) problems.push(`nhà mạng "${carrierText}" phải là một trong: ${MOBILE_CARRIERS.join(', ')}`);
      else if (!tidy(v.msisdn)) problems.push('có nhà mạng (carrier) nhưng thiếu số thuê bao (msisdn)');
      else carrier = named;
    }

    // One household, one hamlet: rows of the same household must agree.
    if (unit && householdCode && hamlet) {
      const key = `${unit.id}|${householdCode}`;
      const first = householdInFile.get(key);
      if (!first) householdInFile.set(key, { line, hamlet, address });
      else {
        if (first.hamlet !== hamlet) problems.push(`hộ ${householdCode} đã ghi ở ấp "${first.hamlet}" (dòng ${first.line})`);
        if (address && first.address && first.address !== address) problems.push(`hộ ${householdCode} có địa chỉ khác dòng ${first.line}`);
        if (!first.address && address) first.address = address;
      }
    }

    if (problems.length) rejected.push({ line, reason: problems.join('; ') });
    else items.push({ line, unitId: unit!.id, hamlet, householdCode, address, fullName, idType, idNumber, birthYear, phone, listKind, msisdn, carrier });
  }
  if (rejected.length === 0) {
    // Households already on the campaign's list keep their hamlet.
    const known = await repo.householdsByCode(db, campaign.id, items.map((i) => ({ unitId: i.unitId, code: i.householdCode })));
    for (const i of items) {
      const h = known.get(`${i.unitId}|${i.householdCode}`);
      if (h && h.hamlet !== i.hamlet) rejected.push({ line: i.line, reason: `hộ ${i.householdCode} đã có trong danh sách ở ấp "${h.hamlet}"` });
    }
  }
  return rejected.length ? { items: [], rejected } : { items, rejected: [] };
}

/** Writes checked people: new households first, then the people, in one import row. */
export async function writeCheckedPeople(db: Db, campaign: CampaignRow, items: CheckedPerson[], meta: { fileName: string; by: number | null; now: Date }) {
  const importId = await repo.insertImport(db, { campaign_id: campaign.id, file_name: meta.fileName.slice(0, 300), people: items.length, imported_at: meta.now, imported_by: meta.by });
  const { households, created } = await repo.ensureHouseholds(db, campaign.id, items);
  await repo.insertPeople(
    db,
    items.map((i) => ({
      campaign_id: campaign.id,
      household_id: households.get(`${i.unitId}|${i.householdCode}`)!,
      unit_id: i.unitId,
      import_id: importId,
      line: i.line,
      full_name: i.fullName,
      id_type: i.idType,
      id_number: i.idNumber,
      birth_year: i.birthYear,
      phone: i.phone,
      list_kind: i.listKind,
      msisdn: i.msisdn,
      carrier: i.carrier,
    })),
  );
  return { importId, householdsCreated: created };
}

export interface ImportContext {
  actor: Actor | null;
  now: Date;
  requestId?: string;
}

/** Upload by a coordinator (field.manage on the campaign; communes within their scope). Call inside a transaction. */
export async function importHouseholdRows(db: Db, ctx: ImportContext, ref: string, rows: TabularRow[], fileName: string): Promise<HouseholdImportReport> {
  const access = await campaignAccess(db, ctx.actor, ref, 'field.manage');
  const { items, rejected } = await validateHouseholdRows(db, rows, access);
  if (rejected.length) throw errors.importRejected({ accepted: 0, rejected: rejected.sort((a, b) => a.line - b.line) });
  const { importId, householdsCreated } = await writeCheckedPeople(db, access.campaign, items, { fileName, by: ctx.actor!.staffId, now: ctx.now });
  await recordAudit(db, {
    actor: ctx.actor,
    action: 'field.households.import',
    target: `campaign:${access.campaign.code}`,
    unitId: ctx.actor!.unitId,
    requestId: ctx.requestId,
    details: { importId, people: items.length, households: householdsCreated },
  });
  return report(items, householdsCreated, await unitCodes(db, items));
}

async function unitCodes(db: Db, items: CheckedPerson[]): Promise<string[]> {
  return repo.unitCodesOf(db, [...new Set(items.map((i) => i.unitId))]);
}

const report = (items: CheckedPerson[], households: number, communes: string[]): HouseholdImportReport => ({
  accepted: items.length,
  households,
  communes,
  rejected: [],
});

/** `motcua import households FILE --campaign ID`: the operator, no actor; the whole campaign area. */
export async function importHouseholdsFile(db: Db, file: string, campaignRef: string | undefined): Promise<HouseholdImportReport> {
  if (!campaignRef) throw new Error('Cần --campaign <mã hoặc số chiến dịch> / --campaign is required');
  const campaign = await findCampaign(db, campaignRef);
  if (!campaign) throw new Error(`Không có chiến dịch ${campaignRef} / campaign not found`);
  const { items, rejected } = await validateHouseholdRows(db, await readTabularFile(file), { campaign, scopePath: campaign.scope_path });
  if (rejected.length) return { accepted: 0, households: 0, communes: [], rejected };
  return db.transaction().execute(async (trx) => {
    const { importId, householdsCreated } = await writeCheckedPeople(trx, campaign, items, { fileName: path.basename(file), by: null, now: new Date() });
    await recordAudit(trx, {
      actor: null,
      action: 'field.households.import',
      target: `campaign:${campaign.code}`,
      details: { via: 'cli', file: path.basename(file), importId, people: items.length, households: householdsCreated },
    });
    return report(items, householdsCreated, await unitCodes(trx, items));
  });
}
