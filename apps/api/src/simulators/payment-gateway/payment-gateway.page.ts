/** The simulator's pages: a Vietnamese checkout with three buttons, and its outcome pages. No script. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(title: string, inner: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} — Cổng thanh toán (giả lập)</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}
.banner{background:#fff7bf;border-left:5px solid #ffdd00;padding:.5rem 1rem}dt{font-weight:bold}dd{margin:0 0 .5rem}
button{font:inherit;padding:.6rem 1rem;margin:.25rem .5rem .25rem 0;border:2px solid #0b0c0c;background:#fff;cursor:pointer}
button.pay{background:#00703c;color:#fff;border-color:#00703c}button:focus{outline:3px solid #ffdd00}</style>
</head><body><main><p class="banner">Cổng thanh toán <strong>giả lập</strong> dùng khi phát triển và kiểm thử. Không có tiền thật.</p><h1>${esc(title)}</h1>${inner}</main></body></html>`;
}

export interface CheckoutFacts {
  merchant: string;
  orderRef: string;
  orderInfo: string;
  amount: number;
  expireDate: string;
  /** The signed parameters, posted back unchanged with the chosen button. */
  hidden: Record<string, string>;
}

const money = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;
/** yyyyMMddHHmmss → dd/mm/yyyy HH:mm:ss. */
const shown = (d: string) => `${d.slice(6, 8)}/${d.slice(4, 6)}/${d.slice(0, 4)} ${d.slice(8, 10)}:${d.slice(10, 12)}:${d.slice(12, 14)}`;

export function checkoutPage(f: CheckoutFacts): string {
  const hidden = Object.entries(f.hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return layout(
    'Thanh toán trực tuyến',
    `<dl><dt>Đơn vị chấp nhận thanh toán</dt><dd>${esc(f.merchant)}</dd><dt>Mã giao dịch</dt><dd>${esc(f.orderRef)}</dd>
<dt>Nội dung</dt><dd>${esc(f.orderInfo)}</dd><dt>Số tiền</dt><dd>${esc(money(f.amount))}</dd><dt>Hạn thanh toán</dt><dd>${esc(shown(f.expireDate))}</dd></dl>
<form method="post" action="checkout/decide">${hidden}
<button class="pay" name="action" value="pay">Thanh toán</button>
<button name="action" value="fail">Thất bại</button>
<button name="action" value="timeout">Hết thời gian</button></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<p>${esc(text)}</p>`);
}
