/**
 * The database as Kysely sees it. Each module owns and declares its tables in `<module>.tables.ts`;
 * this file only composes them.
 */
import type { UnitsTables } from '../modules/units/units.tables.ts';
import type { StaffTables } from '../modules/staff/staff.tables.ts';
import type { CatalogTables } from '../modules/catalog/catalog.tables.ts';
import type { CalendarTables } from '../modules/calendar/calendar.tables.ts';
import type { DossiersTables } from '../modules/dossiers/dossiers.tables.ts';
import type { KpiTables } from '../modules/kpi/kpi.tables.ts';
import type { PopulationTables } from '../simulators/population/population.tables.ts';
import type { CitizensTables } from '../modules/citizens/citizens.tables.ts';
import type { VneidTables } from '../modules/vneid/vneid.tables.ts';
import type { PrefillTables } from '../modules/prefill/prefill.tables.ts';
import type { NotificationsTables } from '../modules/notifications/notifications.tables.ts';
import type { MessagesTables } from '../modules/messages/messages.tables.ts';
import type { SmtpSimTables } from '../simulators/smtp/smtp.tables.ts';
import type { SmsSimTables } from '../simulators/sms/sms.tables.ts';
import type { ZaloSimTables } from '../simulators/zalo/zalo.tables.ts';
import type { PaymentsTables } from '../modules/payments/payments.tables.ts';
import type { PaymentGatewaySimTables } from '../simulators/payment-gateway/payment-gateway.tables.ts';
import type { FeedbackTables } from '../modules/feedback/feedback.tables.ts';
import type { DocumentsTables } from '../modules/documents/documents.tables.ts';
import type { DatastoreTables } from '../modules/datastore/datastore.tables.ts';
import type { ResultsTables } from '../modules/results/results.tables.ts';
import type { CampaignsTables } from '../modules/campaigns/campaigns.tables.ts';
import type { PartnerReportsTables } from '../modules/partner-reports/partner-reports.tables.ts';
import type { FieldTables } from '../modules/field/field.tables.ts';
import type { DeskTables } from '../modules/desk/desk.tables.ts';
import type { CampaignProgressTables } from '../modules/campaign-progress/campaign-progress.tables.ts';
import type { ReconcileTables } from '../modules/reconcile/reconcile.jobs.tables.ts';

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Date;
}

export interface DB extends NotificationsTables, MessagesTables, SmtpSimTables, SmsSimTables, ZaloSimTables, PaymentsTables, PaymentGatewaySimTables, FeedbackTables, UnitsTables, StaffTables, CatalogTables, CalendarTables, DossiersTables, KpiTables, PopulationTables, CitizensTables, DocumentsTables, DatastoreTables, ResultsTables, VneidTables, PrefillTables, CampaignsTables, DeskTables, FieldTables, PartnerReportsTables, CampaignProgressTables, ReconcileTables {
  schema_migrations: SchemaMigrationsTable;
}
