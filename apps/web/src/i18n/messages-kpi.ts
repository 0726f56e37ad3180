/**
 * Strings of the indicators dashboard (QĐ 766/QĐ-TTg). Loaded with the dashboard, not with the public
 * bundle: importing this module adds them to the dictionary. English must have the same keys (the
 * type checks it); the table's strings, shared with the publication, are in messages-public.ts.
 */
import type { PeriodKind } from '../features/kpi/period.ts';
import { addMessages, type Message } from './messages.ts';

export const kpiVi = {
  'kpi.title': 'Chỉ số phục vụ người dân, doanh nghiệp',
  'kpi.lead':
    'Bộ chỉ số theo Quyết định 766/QĐ-TTg, cập nhật theo từng hồ sơ. Mỗi tỷ lệ đi kèm chỉ tiêu, mức chênh lệch và xu hướng so với kỳ trước.',
  'kpi.period': 'Kỳ báo cáo',
  'kpi.period.thang': 'Tháng này',
  'kpi.period.quy': 'Quý này',
  'kpi.period.nam': 'Năm nay',
  'kpi.period.tuy-chon': 'Tùy chọn',
  'kpi.from': 'Từ ngày',
  'kpi.to': 'Đến ngày',
  'kpi.show': 'Xem số liệu',
  'kpi.err.from': 'Nhập ngày bắt đầu kỳ báo cáo',
  'kpi.err.to': 'Nhập ngày kết thúc kỳ báo cáo',
  'kpi.err.future': 'Ngày kết thúc không được sau hôm nay',
  'kpi.err.order': 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu',
  'kpi.periodLine': (p) => `Kỳ báo cáo: ${p.from} – ${p.to}. So sánh với kỳ trước: ${p.prevFrom} – ${p.prevTo}.`,
  'kpi.errorTitle': 'Chưa tải được số liệu chỉ số',
  'kpi.previousMissing': 'Chưa tải được số liệu kỳ trước nên chưa có xu hướng.',
  'kpi.empty': 'Chưa có hồ sơ nào trong kỳ này.',
  'kpi.receivedOnline': (p) => `trong đó trực tuyến: ${p.n}`,
  'kpi.warningTitle': 'Cảnh báo sớm',
  'kpi.warningLead': 'Đơn vị chưa đạt chỉ tiêu và, theo xu hướng so với kỳ trước, kỳ sau vẫn chưa đạt.',
  'kpi.warningNone': 'Không có đơn vị nào cần cảnh báo trong kỳ này.',
  'kpi.warningLine': (p) => `${p.indicator} ${p.rate}, dưới chỉ tiêu ${p.target};`,
  'kpi.warningFalling': (p) => `giảm ${p.change} điểm % so với kỳ trước.`,
  'kpi.warningFlat': 'không đổi so với kỳ trước.',
  'kpi.warningSlow': (p) => `tăng ${p.change} điểm % so với kỳ trước, chưa đủ để đạt chỉ tiêu.`,
  'kpi.warningNoTrend': 'kỳ trước chưa có số liệu để so sánh.',
  'kpi.charts': 'Biểu đồ',
  'kpi.chartsLoading': 'Đang tải biểu đồ…',
  'kpi.trendUnit': 'Xu hướng của đơn vị',
  'kpi.chart.trend': (p) => `Tỷ lệ hồ sơ trực tuyến theo tháng so với chỉ tiêu — ${p.unit}`,
  'kpi.chart.trendLabel': (p) =>
    `Biểu đồ đường: tỷ lệ hồ sơ trực tuyến của ${p.unit} từ ${p.from} đến ${p.to} và đường chỉ tiêu (nét đứt). Tháng gần nhất có số liệu: ${p.last}.`,
  'kpi.chart.target': 'Chỉ tiêu',
  'kpi.chart.month': 'Tháng',
  'kpi.chart.asTable': 'Xem số liệu dạng bảng',
  'kpi.chart.ranking': 'Xếp hạng đơn vị theo tổng điểm',
  'kpi.chart.rankingPart': (p) => `Xếp hạng theo tổng điểm: ${p.n} đơn vị đầu và ${p.n} đơn vị cuối trong ${p.total} đơn vị`,
  'kpi.chart.rankingLabel': (p) =>
    `Biểu đồ cột ngang xếp hạng đơn vị theo tổng điểm; cao nhất: ${p.first}. Bảng bên dưới có đủ số liệu.`,
  'kpi.tableTitle': 'Số liệu theo đơn vị',
  'kpi.tableCaption': (p) => `Chỉ số theo đơn vị, từ ${p.from} đến ${p.to}; xếp hạng theo tổng điểm`,
} satisfies Record<string, Message> & Record<`kpi.period.${PeriodKind}`, Message>;

export type KpiKey = keyof typeof kpiVi;

export const kpiEn: Record<KpiKey, Message> = {
  'kpi.title': 'Service indicators for citizens and businesses',
  'kpi.lead':
    'The indicators of Decision 766/QĐ-TTg, updated with every dossier. Each rate comes with its target, the gap and the trend since the previous period.',
  'kpi.period': 'Period',
  'kpi.period.thang': 'This month',
  'kpi.period.quy': 'This quarter',
  'kpi.period.nam': 'This year',
  'kpi.period.tuy-chon': 'Custom',
  'kpi.from': 'From',
  'kpi.to': 'To',
  'kpi.show': 'Show figures',
  'kpi.err.from': 'Enter the first day of the period',
  'kpi.err.to': 'Enter the last day of the period',
  'kpi.err.future': 'The last day cannot be after today',
  'kpi.err.order': 'The last day must be on or after the first',
  'kpi.periodLine': (p) => `Period: ${p.from} – ${p.to}. Compared with: ${p.prevFrom} – ${p.prevTo}.`,
  'kpi.errorTitle': 'The indicators could not be loaded',
  'kpi.previousMissing': 'The previous period could not be loaded, so there is no trend.',
  'kpi.empty': 'No dossiers in this period yet.',
  'kpi.receivedOnline': (p) => `of which online: ${p.n}`,
  'kpi.warningTitle': 'Early warning',
  'kpi.warningLead': 'Units below target that, at their trend since the previous period, would still miss it next period.',
  'kpi.warningNone': 'No unit needs a warning in this period.',
  'kpi.warningLine': (p) => `${p.indicator} ${p.rate}, below the target of ${p.target};`,
  'kpi.warningFalling': (p) => `down ${p.change} points since the previous period.`,
  'kpi.warningFlat': 'unchanged since the previous period.',
  'kpi.warningSlow': (p) => `up ${p.change} points since the previous period, not enough to reach the target.`,
  'kpi.warningNoTrend': 'no figure for the previous period to compare with.',
  'kpi.charts': 'Charts',
  'kpi.chartsLoading': 'Loading the charts…',
  'kpi.trendUnit': 'Trend of the unit',
  'kpi.chart.trend': (p) => `Online rate by month against the target — ${p.unit}`,
  'kpi.chart.trendLabel': (p) =>
    `Line chart: online rate of ${p.unit} from ${p.from} to ${p.to} with the target (dashed). Latest month with figures: ${p.last}.`,
  'kpi.chart.target': 'Target',
  'kpi.chart.month': 'Month',
  'kpi.chart.asTable': 'Show the figures as a table',
  'kpi.chart.ranking': 'Units ranked by total points',
  'kpi.chart.rankingPart': (p) => `Ranked by total points: the first ${p.n} and the last ${p.n} of ${p.total} units`,
  'kpi.chart.rankingLabel': (p) =>
    `Horizontal bar chart ranking the units by total points; highest: ${p.first}. The table below has every figure.`,
  'kpi.tableTitle': 'Figures by unit',
  'kpi.tableCaption': (p) => `Indicators by unit, ${p.from} to ${p.to}; ranked by total points`,
};

addMessages(kpiVi, kpiEn);
