/**
 * The small page a citizen lands on when the gateway sends the browser back: plain HTML, no script,
 * readable on a cheap phone. It shows the status motcua holds (set by the callback), never what the
 * return URL claims. No personal data: only the reference, the dossier code and the amount.
 */
import type { ReturnView } from './payments.service.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

function body(v: ReturnView): { title: string; html: string } {
  if (!v.signatureOk) {
    return {
      title: 'Không xác thực được kết quả thanh toán',
      html: '<p>Dữ liệu cổng thanh toán gửi về không có chữ ký hợp lệ. Giao dịch của bạn (nếu có) vẫn được ghi nhận theo thông báo trực tiếp từ cổng thanh toán; vui lòng xem lại trong mục Hồ sơ của tôi.</p>',
    };
  }
  if (!v.payment) return { title: 'Không tìm thấy giao dịch', html: '<p>Không có giao dịch thanh toán này trong hệ thống.</p>' };
  const p = v.payment;
  const facts = `<dl><dt>Mã giao dịch</dt><dd>${esc(p.reference)}</dd><dt>Hồ sơ</dt><dd>${esc(p.dossierCode)}</dd><dt>Số tiền</dt><dd>${esc(money(p.amountVnd))}</dd><dt>Trạng thái</dt><dd>${esc(p.statusLabel)}</dd></dl>`;
  if (p.status === 'paid') {
    return { title: 'Thanh toán thành công', html: `${facts}<p>Biên lai điện tử có trong mục Thanh toán của tôi.</p>` };
  }
  if (p.status === 'pending' && v.gatewaySaysPaid) {
    return { title: 'Đang chờ xác nhận thanh toán', html: `${facts}<p>Cổng thanh toán báo đã trừ tiền; hệ thống đang chờ xác nhận. Vui lòng tải lại trang sau ít phút.</p>` };
  }
  return { title: 'Thanh toán chưa thành công', html: `${facts}<p>Bạn có thể thanh toán lại từ trang hồ sơ.</p>` };
}

/** Links back into the citizen pages of the web app (the payment and its dossier), else home. */
function links(v: ReturnView): string {
  const p = v.signatureOk ? v.payment : null;
  if (!p) return '<p><a href="/cong-dan">Hồ sơ của tôi</a> · <a href="/">Về trang chủ</a></p>';
  return `<p><a href="/cong-dan/thanh-toan/${encodeURIComponent(p.reference)}">Xem giao dịch và biên lai</a> · <a href="/cong-dan/ho-so/${encodeURIComponent(p.dossierCode)}">Về hồ sơ ${esc(p.dossierCode)}</a> · <a href="/">Trang chủ</a></p>`;
}

export function returnPage(v: ReturnView): string {
  const { title, html } = body(v);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}dt{font-weight:bold}dd{margin:0 0 .5rem}a{color:#1d70b8}</style>
</head><body><main><h1>${esc(title)}</h1>${html}${links(v)}</main></body></html>`;
}
