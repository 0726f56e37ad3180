/**
 * Strings of the public verification page (/xac-thuc/:id, /verify/:id). Loaded with that page only:
 * importing this module adds them to the dictionary. English must have the same keys (the type checks it).
 */
import { addMessages, type Message, type MessageKey } from '../../i18n/messages.ts';

export const verifyVi = {
  'verify.title': 'Xác thực văn bản điện tử',
  'verify.lead':
    'Đối chiếu văn bản kết quả giải quyết thủ tục hành chính với bản gốc do cơ quan nhà nước cấp, theo mã in trong mã QR.',
  'verify.idLabel': (p) => `Mã văn bản: ${p.id}`,
  'verify.errorTitle': 'Chưa tra cứu được văn bản',
  'verify.valid': 'Văn bản hợp lệ',
  'verify.validBody':
    'Văn bản này do cơ quan nhà nước cấp qua hệ thống và đang có hiệu lực. Hãy đối chiếu các thông tin dưới đây với bản bạn đang cầm.',
  'verify.revoked': 'Văn bản đã bị thu hồi',
  'verify.revokedBody': 'Văn bản này đã được cấp nhưng đã bị cơ quan ban hành thu hồi; không còn giá trị sử dụng.',
  'verify.notFound': 'Không tìm thấy văn bản',
  'verify.notFoundBody': 'Không có văn bản nào mang mã này. Kiểm tra lại mã, hoặc văn bản không do hệ thống này cấp.',
  'verify.facts': 'Thông tin văn bản',
  'verify.number': 'Số văn bản',
  'verify.docTitle': 'Tên văn bản',
  'verify.issuedAt': 'Ngày ký ban hành',
  'verify.unit': 'Cơ quan ban hành',
  'verify.procedure': 'Thủ tục hành chính',
  'verify.applicant': 'Người được cấp',
  'verify.applicantHint': 'Họ tên được che bớt để bảo vệ dữ liệu cá nhân',
  'verify.sha256': 'Mã băm SHA-256 của tệp',
  'verify.signature': 'Chữ ký số',
  'verify.revokedAt': 'Thời điểm thu hồi',
  'verify.reason': 'Lý do thu hồi',
  'verify.file.title': 'Kiểm tra tệp PDF đã tải về',
  'verify.file.lead':
    'Chọn tệp PDF bạn nhận được. Hệ thống so tệp với bản đã cấp và kiểm tra chữ ký số trong tệp. Tệp không được lưu lại.',
  'verify.file.leadNoId':
    'Chưa có mã văn bản? Chọn tệp PDF: hệ thống tìm văn bản theo nội dung tệp, so với bản đã cấp và kiểm tra chữ ký số. Tệp không được lưu lại.',
  'verify.file.label': 'Tệp PDF cần kiểm tra',
  'verify.file.hint': 'Tệp PDF, tối đa 10 MB.',
  'verify.file.submit': 'Kiểm tra tệp',
  'verify.file.busy': 'Đang kiểm tra…',
  'verify.file.errFile': 'Chọn tệp PDF cần kiểm tra',
  'verify.file.errSize': 'Tệp lớn hơn 10 MB, không phải văn bản do hệ thống cấp',
  'verify.file.valid': 'Tệp hợp lệ',
  'verify.file.validBody': 'Tệp trùng khớp từng byte với bản đã cấp và chữ ký số trong tệp hợp lệ.',
  'verify.file.invalid': 'Tệp đã bị thay đổi',
  'verify.file.invalidBody':
    'Tệp này không phải bản đã cấp: nội dung đã bị sửa hoặc chữ ký số không khớp. Không sử dụng tệp này.',
  'verify.file.revoked': 'Tệp đúng bản đã cấp, nhưng văn bản đã bị thu hồi',
  'verify.file.notFound': 'Không tìm thấy văn bản tương ứng với tệp',
  'verify.file.checks': 'Kết quả kiểm tra',
  'verify.file.sameFile': 'Nội dung trùng với bản đã cấp',
  'verify.file.signatureValid': 'Chữ ký số khớp với nội dung tệp',
  'verify.file.certificateTrusted': 'Chứng thư ký số do hệ thống cấp cho đúng cơ quan ban hành',
  'verify.file.pass': 'Đạt',
  'verify.file.fail': 'Không đạt',
  'verify.file.uploadedSha256': 'Mã băm SHA-256 của tệp bạn chọn',
  'verify.file.open': (p) => `Xem văn bản ${p.number}`,
} satisfies Record<string, Message>;

export type VerifyKey = keyof typeof verifyVi;

export const verifyEn: Record<VerifyKey, Message> = {
  'verify.title': 'Verify an electronic document',
  'verify.lead':
    'Check a result of an administrative procedure against the original issued by the state, using the code in its QR code.',
  'verify.idLabel': (p) => `Document code: ${p.id}`,
  'verify.errorTitle': 'The document could not be looked up',
  'verify.valid': 'Valid document',
  'verify.validBody':
    'This document was issued by a state agency through this system and is in force. Compare the details below with the copy you hold.',
  'verify.revoked': 'Document revoked',
  'verify.revokedBody': 'This document was issued but has been revoked by the issuing agency; it is no longer valid.',
  'verify.notFound': 'Document not found',
  'verify.notFoundBody': 'No document has this code. Check the code; otherwise the document was not issued by this system.',
  'verify.facts': 'Document details',
  'verify.number': 'Number',
  'verify.docTitle': 'Title',
  'verify.issuedAt': 'Signed on',
  'verify.unit': 'Issued by',
  'verify.procedure': 'Procedure',
  'verify.applicant': 'Issued to',
  'verify.applicantHint': 'The name is partly hidden to protect personal data',
  'verify.sha256': 'SHA-256 of the file',
  'verify.signature': 'Digital signature',
  'verify.revokedAt': 'Revoked on',
  'verify.reason': 'Reason for revocation',
  'verify.file.title': 'Check a downloaded PDF',
  'verify.file.lead':
    'Choose the PDF you received. The system compares it with the issued copy and checks the digital signature inside. The file is not kept.',
  'verify.file.leadNoId':
    'No document code? Choose the PDF: the system finds the document from the file’s content, compares it with the issued copy and checks the digital signature. The file is not kept.',
  'verify.file.label': 'PDF file to check',
  'verify.file.hint': 'A PDF file, 10 MB at most.',
  'verify.file.submit': 'Check the file',
  'verify.file.busy': 'Checking…',
  'verify.file.errFile': 'Choose the PDF file to check',
  'verify.file.errSize': 'The file is larger than 10 MB; it is not a document issued by this system',
  'verify.file.valid': 'Valid file',
  'verify.file.validBody': 'The file is byte for byte the issued copy and its digital signature is valid.',
  'verify.file.invalid': 'The file has been changed',
  'verify.file.invalidBody':
    'This file is not the issued copy: its content was altered or its signature does not match. Do not rely on it.',
  'verify.file.revoked': 'The file is the issued copy, but the document has been revoked',
  'verify.file.notFound': 'No document matches this file',
  'verify.file.checks': 'Checks',
  'verify.file.sameFile': 'Same content as the issued copy',
  'verify.file.signatureValid': 'The digital signature matches the content',
  'verify.file.certificateTrusted': 'The signing certificate was issued by this system to the issuing agency',
  'verify.file.pass': 'Passed',
  'verify.file.fail': 'Failed',
  'verify.file.uploadedSha256': 'SHA-256 of the file you chose',
  'verify.file.open': (p) => `Open document ${p.number}`,
};

type Area = Partial<Record<MessageKey, Message>>;
addMessages(verifyVi as unknown as Area, verifyEn as unknown as Area);
