/**
 * /can-bo/chien-dich/:code/thuc-dia — field work of a campaign for its coordinators: import the
 * household list (every rejected row named), teams and hamlets, and progress per commune and hamlet
 * with the ratio that leaves ineligible people out (seed 003 V.2.d: "tính tỷ lệ"), and for those who
 * manage the field work the people list by outcome with its CSV (PeopleList.tsx).
 */
import { useState, type FormEvent } from 'react';
import type { CampaignView, FieldProgress, FieldTeamList, FieldTeamView, HouseholdImportReport, StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { LabelledField } from '../../components/LabelledField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { apiPost, toApiError, type ApiError } from '../../lib/api.ts';
import { formatCount, formatPercent } from '../../lib/numbers.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { CampaignNav } from '../campaigns/CampaignNav.tsx';
import { hasAnyRole } from '../staff/staff-roles.ts';
import { uploadHouseholds } from './field-api.ts';
import { PeopleList } from './PeopleList.tsx';
import { useFieldT, type FieldT } from './useFieldT.ts';
import './field.css';

const READ_ROLES = ['campaign_coordinator', 'monitor', 'approver', 'admin'] as const;

export function FieldManagePage({ code }: { code: string }) {
  return <StaffGate roles={READ_ROLES}>{(staff) => <FieldManage code={code} staff={staff} />}</StaffGate>;
}

function FieldManage({ code, staff }: { code: string; staff: StaffView }) {
  const { t } = useFieldT();
  usePageTitle(t('field.mgr.title', { code }));
  const base = `/api/v1/campaigns/${encodeURIComponent(code)}`;
  const campaign = useApi<CampaignView>(base);
  const progress = useApi<FieldProgress>(`${base}/field/progress`);
  const teams = useApi<FieldTeamList>(`${base}/teams`);
  const manage = hasAnyRole(staff, ['campaign_coordinator']);
  const refresh = () => {
    progress.retry();
    teams.retry();
  };
  return (
    <div className="field">
      {campaign.status === 'ok' && <CampaignNav code={campaign.data.code} current="field" can={campaign.data.can} />}
      <h1 className="heading-l">{t('field.mgr.title', { code })}</h1>
      {campaign.status === 'ok' && <p className="secondary">{campaign.data.name}</p>}
      <p className="lead">{t('field.mgr.lead')}</p>
      {manage && <ImportForm campaign={code} onImported={refresh} t={t} />}
      <section aria-labelledby="progress-title">
        <h2 className="heading-m" id="progress-title">
          {t('field.mgr.progress')}
        </h2>
        {progress.status === 'loading' && <Loading />}
        {progress.status === 'error' && <ApiErrorNotice title={t('field.mgr.loadError')} error={progress.error} onRetry={progress.retry} />}
        {progress.status === 'ok' && <ProgressTable progress={progress.data} t={t} />}
      </section>
      {manage && progress.status === 'ok' && progress.data.communes.length > 0 && <PeopleList base={base} progress={progress.data} />}
      <section aria-labelledby="teams-title">
        <h2 className="heading-m" id="teams-title">
          {t('field.mgr.teams')}
        </h2>
        {teams.status === 'loading' && <Loading />}
        {teams.status === 'error' && <ApiErrorNotice title={t('field.mgr.loadError')} error={teams.error} onRetry={teams.retry} />}
        {teams.status === 'ok' && <TeamTable teams={teams.data.items} t={t} />}
        {manage && progress.status === 'ok' && teams.status === 'ok' && (
          <>
            <TeamForm base={base} progress={progress.data} onDone={refresh} t={t} />
            <AssignForm base={base} progress={progress.data} teams={teams.data.items} onDone={refresh} t={t} />
          </>
        )}
      </section>
    </div>
  );
}

function ImportForm({ campaign, onImported, t }: { campaign: string; onImported: () => void; t: FieldT }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<HouseholdImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    setError(null);
    if (!file) return setMissing(true);
    setBusy(true);
    uploadHouseholds(campaign, file).then(
      (r) => {
        setReport(r);
        onImported();
      },
      (err: unknown) => setError(toApiError(err)),
    ).finally(() => setBusy(false));
  };
  const rejected = (error?.status === 422 ? (error.details as HouseholdImportReport | undefined)?.rejected : undefined) ?? [];
  return (
    <section aria-labelledby="import-title">
      <h2 className="heading-m" id="import-title">
        {t('field.mgr.import')}
      </h2>
      <p>
        {t('field.mgr.importHint')}{' '}
        <a href={`/api/v1/campaigns/${encodeURIComponent(campaign)}/households/template`}>{t('field.mgr.template')}</a>
      </p>
      <form onSubmit={submit} noValidate>
        <LabelledField id="household-file" label={t('field.mgr.file')} hint={t('field.mgr.fileHint')} error={missing ? t('field.mgr.fileMissing') : undefined}>
          {(aria) => (
            <input
              id="household-file"
              name="file"
              type="file"
              className={missing ? 'file-input input--error' : 'file-input'}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              {...aria}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
              }}
            />
          )}
        </LabelledField>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('field.mgr.uploading') : t('field.mgr.upload')}
        </button>
      </form>
      {report && (
        <p className="notice" role="status">
          {t('field.mgr.imported', { people: report.accepted, households: report.households, communes: report.communes.join(', ') })}
        </p>
      )}
      {error && rejected.length > 0 && (
        <div className="notice notice--error" role="alert">
          <h3 className="notice__title">{t('field.mgr.rejectedTitle', { n: rejected.length })}</h3>
          <table className="table">
            <caption className="visually-hidden">{t('field.mgr.rejectedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.mgr.line')}</th>
                <th scope="col">{t('field.mgr.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((r) => (
                <tr key={r.line}>
                  <td>{t('field.mgr.lineN', { n: r.line })}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && rejected.length === 0 && <ApiErrorNotice title={t('field.mgr.importError')} error={error} />}
    </section>
  );
}

const COUNT_COLUMNS = ['listed', 'done', 'absent', 'ineligible', 'moved', 'deceased', 'refused', 'pending'] as const;

function ProgressTable({ progress, t }: { progress: FieldProgress; t: FieldT }) {
  const { lang } = useFieldT();
  if (progress.communes.length === 0) return <p>{t('field.mgr.noList')}</p>;
  type Counts = FieldProgress['total'];
  const cells = (c: Counts) => (
    <>
      {COUNT_COLUMNS.map((k) => (
        <td key={k} className="table__num" data-label={t(`field.col.${k}`)}>
          {formatCount(c[k], lang)}
        </td>
      ))}
      <td className="table__num" data-label={t('field.col.ratio')}>
        {formatPercent(c.ratio, lang)}
      </td>
    </>
  );
  return (
    <>
      <p className="secondary">{t('field.mgr.ratioNote')}</p>
      <table className="table table--stack field-progress">
        <caption className="visually-hidden">{t('field.mgr.progressCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.col.unit')}</th>
            <th scope="col">{t('field.col.team')}</th>
            {COUNT_COLUMNS.map((k) => (
              <th key={k} scope="col" className="table__num">
                {t(`field.col.${k}`)}
              </th>
            ))}
            <th scope="col" className="table__num">
              {t('field.col.ratio')}
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.communes.map((c) => [
            <tr key={c.unitCode} className="field-progress__commune" data-unit={c.unitCode}>
              <th scope="row" className="table__name">
                {c.unitName}
              </th>
              <td data-label={t('field.col.team')}>—</td>
              {cells(c)}
            </tr>,
            ...c.hamlets.map((h) => (
              <tr key={`${c.unitCode}|${h.hamlet}`} className="field-progress__hamlet">
                <th scope="row" className="table__name">
                  {h.hamlet}
                </th>
                <td data-label={t('field.col.team')}>{h.teamName ?? t('field.mgr.unassigned')}</td>
                {cells(h)}
              </tr>
            )),
          ])}
          <tr className="field-progress__total" data-unit="total">
            <th scope="row" className="table__name">
              {t('field.mgr.total')}
            </th>
            <td data-label={t('field.col.team')} />
            {cells(progress.total)}
          </tr>
        </tbody>
      </table>
    </>
  );
}

function TeamTable({ teams, t }: { teams: FieldTeamView[]; t: FieldT }) {
  const { lang } = useFieldT();
  if (teams.length === 0) return <p>{t('field.mgr.noTeams')}</p>;
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">{t('field.mgr.teamsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.col.teamName')}</th>
          <th scope="col">{t('field.col.commune')}</th>
          <th scope="col">{t('field.col.members')}</th>
          <th scope="col">{t('field.col.hamlets')}</th>
          <th scope="col" className="table__num">
            {t('field.col.households')}
          </th>
          <th scope="col" className="table__num">
            {t('field.col.pendingPeople')}
          </th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <tr key={team.id}>
            <th scope="row" className="table__name">
              {team.name}
            </th>
            <td data-label={t('field.col.commune')}>{team.unitName}</td>
            <td data-label={t('field.col.members')}>{team.members.map((m) => `${m.fullName} (${m.username})`).join(', ') || '—'}</td>
            <td data-label={t('field.col.hamlets')}>{team.hamlets.join(', ') || '—'}</td>
            <td className="table__num" data-label={t('field.col.households')}>
              {formatCount(team.households, lang)}
            </td>
            <td className="table__num" data-label={t('field.col.pendingPeople')}>
              {formatCount(team.pendingPeople, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function detailLines(error: ApiError): string[] {
  return Array.isArray(error.details) ? (error.details as { message?: string }[]).map((d) => d.message ?? '').filter(Boolean) : [];
}

function FormError({ error, title }: { error: ApiError | null; title: string }) {
  if (!error) return null;
  const lines = detailLines(error);
  return (
    <div role="alert">
      <ApiErrorNotice title={title} error={error} />
      {lines.length > 0 && (
        <ul className="field-error-list">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TeamForm({ base, progress, onDone, t }: { base: string; progress: FieldProgress; onDone: () => void; t: FieldT }) {
  const [unit, setUnit] = useState(progress.communes.length === 1 ? progress.communes[0]!.unitCode : '');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const memberUsernames = members.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    apiPost<FieldTeamView>(`${base}/teams`, { unitCode: unit, name, memberUsernames }).then(
      (team) => {
        setDone(team.name);
        setName('');
        setMembers('');
        onDone();
      },
      (err: unknown) => setError(toApiError(err)),
    );
  };
  return (
    <form onSubmit={submit} className="field-form" noValidate>
      <h3 className="field-form__title">{t('field.mgr.newTeam')}</h3>
      <SelectField
        id="team-unit"
        label={t('field.col.commune')}
        value={unit}
        onChange={setUnit}
        placeholder={t('field.mgr.choose')}
        options={progress.communes.map((c) => ({ value: c.unitCode, label: c.unitName }))}
      />
      <TextField id="team-name" label={t('field.col.teamName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      <TextField id="team-members" label={t('field.col.members')} hint={t('field.mgr.membersHint')} value={members} onChange={(e) => setMembers(e.target.value)} autoCapitalize="none" />
      <button type="submit" className="button">
        {t('field.mgr.createTeam')}
      </button>
      {done && (
        <p className="notice" role="status">
          {t('field.mgr.teamCreated', { name: done })}
        </p>
      )}
      <FormError error={error} title={t('field.mgr.teamError')} />
    </form>
  );
}

function AssignForm({ base, progress, teams, onDone, t }: { base: string; progress: FieldProgress; teams: FieldTeamView[]; onDone: () => void; t: FieldT }) {
  const [teamId, setTeamId] = useState('');
  const [hamlet, setHamlet] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (teams.length === 0) return null;
  const team = teams.find((x) => String(x.id) === teamId);
  const hamlets = team ? (progress.communes.find((c) => c.unitCode === team.unitCode)?.hamlets ?? []) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    apiPost(`${base}/teams/${teamId}/assignments`, { hamlets: [hamlet] }).then(
      () => {
        setDone(t('field.mgr.assigned', { hamlet, team: team?.name ?? '' }));
        setHamlet('');
        onDone();
      },
      (err: unknown) => setError(toApiError(err)),
    );
  };
  return (
    <form onSubmit={submit} className="field-form" noValidate>
      <h3 className="field-form__title">{t('field.mgr.assign')}</h3>
      <SelectField
        id="assign-team"
        label={t('field.col.teamName')}
        value={teamId}
        onChange={(v) => {
          setTeamId(v);
          setHamlet('');
        }}
        placeholder={t('field.mgr.choose')}
        options={teams.map((x) => ({ value: String(x.id), label: `${x.name} — ${x.unitName}` }))}
      />
      <SelectField
        id="assign-hamlet"
        label={t('field.col.hamlet')}
        value={hamlet}
        onChange={setHamlet}
        placeholder={t('field.mgr.choose')}
        options={hamlets.map((h) => ({ value: h.hamlet, label: h.teamName ? `${h.hamlet} (${h.teamName})` : h.hamlet }))}
      />
      <button type="submit" className="button" disabled={!teamId || !hamlet}>
        {t('field.mgr.assignButton')}
      </button>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <FormError error={error} title={t('field.mgr.assignError')} />
    </form>
  );
}
