/**
 * The simulator's login and consent page (Vietnamese, no script, works on a cheap phone): search the
 * synthetic residents who hold a VNeID account by CCCD or name, see what the service will receive,
 * pick one. No password: this is a simulator, and the page says so. Below 40rem the table turns into
 * one card per resident, so the buttons stay tappable on a phone.
 */
import { maskPhone } from '@motcua/contracts';
import type { SimPersonRow } from '../registry/registry.repo.ts';
import { escapeHtml as h } from './vneid.provider.ts';

export interface LoginPageInput {
  uid: string;
  clientName: string;
  query: string;
  accounts: SimPersonRow[];
  /** Shown above the list, e.g. after a wrong choice. */
  notice?: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1a1a1a}
h1{font-size:1.3rem;color:#a50e0e}.sim{background:#fff4ce;border:1px solid #e0b300;padding:.5rem .75rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin-top:.75rem}th,td{text-align:left;padding:.35rem;border-bottom:1px solid #ddd}
button{padding:.35rem .8rem;font-size:1rem}input[type=search]{padding:.35rem;font-size:1rem;width:60%}
.notice{color:#a50e0e;font-weight:bold}.level2{color:#0a6b2d;font-weight:bold}
@media (max-width:40rem){thead{display:none}table,tbody,tr,td{display:block}tr{border-bottom:1px solid #ddd;padding:.5rem 0}
td{border:0;padding:.1rem 0}td button{margin-top:.25rem;width:100%;min-height:44px}}`;

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function loginPage(p: LoginPageInput): string {
  const base = `/sim/vneid/interaction/${encodeURIComponent(p.uid)}`;
  const rows = p.accounts
    .map(
      (a) => `<tr><td>${h(a.cccd)}</td><td>${h(a.full_name)}</td><td>${dmy(a.date_of_birth)}</td>
<td class="${a.identity_level === 2 ? 'level2' : ''}">Mức ${a.identity_level}</td><td>${a.mobile ? h(maskPhone(a.mobile)) : ''}</td>
<td><form method="post" action="${base}/login"><input type="hidden" name="cccd" value="${h(a.cccd)}"><button type="submit" aria-label="Đăng nhập là ${h(a.full_name)}, CCCD ${h(a.cccd)}">Đăng nhập</button></form></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập VNeID (giả lập)</title><style>${STYLE}</style></head>
<body>
<h1>Đăng nhập bằng tài khoản định danh điện tử VNeID</h1>
<p class="sim">Đây là <strong>hệ thống giả lập</strong> dùng để phát triển và kiểm thử, trên dân cư giả lập (không phải người thật). Không cần mật khẩu: chọn một công dân để đăng nhập.</p>
<p><strong>${h(p.clientName)}</strong> đề nghị được nhận các thông tin: họ, chữ đệm và tên; ngày, tháng, năm sinh; số định danh cá nhân; mức độ định danh điện tử. Bấm "Đăng nhập" là đồng ý chia sẻ các thông tin này.</p>
${p.notice ? `<p class="notice" role="alert">${h(p.notice)}</p>` : ''}
<form method="get" action="${base}" role="search">
<label for="q">Tìm theo số CCCD hoặc họ tên</label><br>
<input id="q" type="search" name="q" value="${h(p.query)}" maxlength="100"> <button type="submit">Tìm</button>
</form>
${
  p.accounts.length
    ? `<table><caption>Công dân có tài khoản VNeID (${p.accounts.length} người đầu tiên)</caption>
<thead><tr><th scope="col">Số CCCD</th><th scope="col">Họ và tên</th><th scope="col">Ngày sinh</th><th scope="col">Mức định danh</th><th scope="col">Điện thoại</th><th scope="col"></th></tr></thead>
<tbody>
${rows}
</tbody></table>`
    : '<p>Không tìm thấy công dân nào có tài khoản VNeID. Nếu chưa có dân cư giả lập, chạy <code>motcua seed --demo --people 3000</code>.</p>'
}
<form method="post" action="${base}/abort"><button type="submit">Hủy, không chia sẻ thông tin</button></form>
</body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>VNeID (giả lập)</title><style>${STYLE}</style></head>
<body><h1>Không thể tiếp tục đăng nhập</h1><p>${h(message)}</p><p>Quay lại trang dịch vụ công và bấm "Đăng nhập bằng VNeID" lần nữa.</p></body></html>`;
}
