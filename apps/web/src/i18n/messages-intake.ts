/**
 * Strings of counter intake. Loaded with the intake page, not with the public bundle: importing
 * this module adds them to the dictionary. English must have the same keys (the type checks it).
 */
import { addMessages, type Message } from './messages.ts';

export const intakeVi = {
  'intake.title': 'Tiếp nhận hồ sơ tại quầy',
  'intake.lead':
    'Chọn thủ tục, nhập thông tin người nộp và tờ khai. Hạn trả kết quả được tính theo ngày làm việc khi bấm “Tiếp nhận hồ sơ”.',
  'intake.pick': 'Thủ tục hành chính',
  'intake.pickHint': 'Nhập tên hoặc mã thủ tục, ví dụ: tạm trú, 1.004194',
  'intake.more': (p) => `Chỉ hiện ${p.n} thủ tục đầu tiên; gõ cụ thể hơn để thu hẹp.`,
  'intake.change': 'Chọn thủ tục khác',
  'intake.caption': (p) => `Tiếp nhận hồ sơ — thủ tục ${p.code}`,
  'intake.unit': (p) => `Đơn vị giải quyết: ${p.unit}`,
  'intake.applicant': 'Người nộp hồ sơ',
  'intake.fullName': 'Họ, chữ đệm và tên người nộp',
  'intake.idNumber': 'Số CCCD hoặc CMND',
  'intake.idNumberHint': 'CCCD gồm 12 chữ số; CMND cũ gồm 9 chữ số.',
  'intake.phone': 'Số điện thoại di động',
  'intake.phoneHint': 'Dùng để nhắn tin báo kết quả. Ví dụ: 0912 345 678',
  'intake.address': 'Địa chỉ liên hệ',
  'intake.choose': 'Chọn…',
  'intake.receipt': 'Tiếp nhận',
  'intake.channel': 'Hình thức nộp',
  'intake.digitized': 'Thành phần hồ sơ đã được số hóa khi tiếp nhận',
  'intake.submit': 'Tiếp nhận hồ sơ',
  'intake.busy': 'Đang tiếp nhận…',
  'intake.err.fullName': 'Nhập họ, chữ đệm và tên của người nộp',
  'intake.err.idNumber': 'Nhập số CCCD gồm 12 chữ số (hoặc CMND 9 chữ số)',
  'intake.err.phone': 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912 345 678',
  'intake.err.address': 'Nhập địa chỉ liên hệ của người nộp',
  'intake.err.enter': (p) => `Nhập ${p.label}`,
  'intake.err.choose': (p) => `Chọn ${p.label}`,
  'intake.err.integer': (p) => `${p.label}: nhập một số nguyên`,
  'intake.err.date': (p) => `${p.label}: nhập một ngày có thật, gồm ngày, tháng và năm`,
  'intake.err.channel': 'Chọn hình thức nộp hồ sơ',
  'intake.doneTitle': 'Đã tiếp nhận hồ sơ',
  'intake.code': 'Mã hồ sơ',
  'intake.dueAt': 'Hẹn trả kết quả',
  'intake.doneBody': (p) => `Hồ sơ “${p.procedure}” đã được tiếp nhận. In giấy tiếp nhận và hẹn trả kết quả cho người nộp.`,
  'intake.openDossier': (p) => `Xem hồ sơ ${p.code}`,
  'intake.another': 'Tiếp nhận hồ sơ khác',
} satisfies Record<string, Message>;

export type IntakeKey = keyof typeof intakeVi;

export const intakeEn: Record<IntakeKey, Message> = {
  'intake.title': 'Receive an application at the desk',
  'intake.lead':
    'Choose the procedure, enter the applicant and the form. The deadline is counted in working days when you press “Receive the application”.',
  'intake.pick': 'Administrative procedure',
  'intake.pickHint': 'Type a name or code, for example: tạm trú, 1.004194',
  'intake.more': (p) => `Only the first ${p.n} procedures are shown; type more to narrow down.`,
  'intake.change': 'Choose another procedure',
  'intake.caption': (p) => `Intake — procedure ${p.code}`,
  'intake.unit': (p) => `Handling unit: ${p.unit}`,
  'intake.applicant': 'Applicant',
  'intake.fullName': 'Applicant’s full name',
  'intake.idNumber': 'Citizen ID (CCCD) or old ID (CMND)',
  'intake.idNumberHint': 'A CCCD has 12 digits; an old CMND has 9.',
  'intake.phone': 'Mobile phone number',
  'intake.phoneHint': 'Used to text the applicant about the result. For example: 0912 345 678',
  'intake.address': 'Contact address',
  'intake.choose': 'Choose…',
  'intake.receipt': 'Receipt',
  'intake.channel': 'Channel',
  'intake.digitized': 'The documents were digitised at intake',
  'intake.submit': 'Receive the application',
  'intake.busy': 'Receiving…',
  'intake.err.fullName': 'Enter the applicant’s full name',
  'intake.err.idNumber': 'Enter a 12-digit CCCD number (or a 9-digit CMND)',
  'intake.err.phone': 'Enter a 10-digit mobile number, for example 0912 345 678',
  'intake.err.address': 'Enter the applicant’s contact address',
  'intake.err.enter': (p) => `Enter ${p.label}`,
  'intake.err.choose': (p) => `Choose ${p.label}`,
  'intake.err.integer': (p) => `${p.label}: enter a whole number`,
  'intake.err.date': (p) => `${p.label}: enter a real date with day, month and year`,
  'intake.err.channel': 'Choose how the application was submitted',
  'intake.doneTitle': 'Application received',
  'intake.code': 'Dossier code',
  'intake.dueAt': 'Result due',
  'intake.doneBody': (p) =>
    `The application “${p.procedure}” has been received. Print the receipt with the due date for the applicant.`,
  'intake.openDossier': (p) => `Open dossier ${p.code}`,
  'intake.another': 'Receive another application',
};

addMessages(intakeVi, intakeEn);
