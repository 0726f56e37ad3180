/**
 * Serves the payment gateway simulator under /sim/payment (hidden from the API document: it is not
 * motcua's API but a stand-in for the gateway's site). Its one merchant is this installation, with
 * the secret and callback URL of the configuration, as a gateway's merchant portal would hold them.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.ts';
import { checkoutPage, messagePage } from './payment-gateway.page.ts';
import { decide, isProblem, listTransactions, readOrder, type Merchant } from './payment-gateway.service.ts';

export const PAYMENT_SIM_PREFIX = '/sim/payment';

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'")
    .send(body);
}

/** Whether this installation pays through its own simulator (the default gateway URL). */
export function usesPaymentSimulator(config: { publicUrl: string; paymentGatewayUrl: string }): boolean {
  return config.paymentGatewayUrl === `${config.publicUrl}${PAYMENT_SIM_PREFIX}`;
}

export function paymentGatewaySimulatorRoutes(app: App): void {
  const { db, config } = app.deps;
  // A real gateway configured: the simulator must not exist, it would sign with the real secret.
  if (!usesPaymentSimulator(config)) return;
  const merchant: Merchant = { code: config.paymentMerchant, secret: config.paymentSecret, callbackUrl: `${config.publicUrl}/api/v1/payments/callback` };
  const merchants = new Map([[merchant.code, merchant]]);
  const Params = Type.Record(Type.String(), Type.String());

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.get(`${PAYMENT_SIM_PREFIX}/checkout`, { schema: { hide: true, querystring: Params } }, async (req, reply) => {
      const order = readOrder(req.query, merchants);
      if (isProblem(order)) return html(reply, 400, messagePage('Không thể thanh toán', order.problem));
      return html(
        reply,
        200,
        checkoutPage({ merchant: order.merchant.code, orderRef: order.orderRef, orderInfo: order.orderInfo, amount: order.amount, expireDate: order.expireDate, hidden: req.query }),
      );
    });

    scope.post(`${PAYMENT_SIM_PREFIX}/checkout/decide`, { schema: { hide: true, body: Params } }, async (req, reply) => {
      const { action, ...params } = req.body;
      // The hidden fields come back from the browser: the merchant's signature is checked again.
      const order = readOrder(params, merchants);
      if (isProblem(order)) return html(reply, 400, messagePage('Không thể thanh toán', order.problem));
      if (action !== 'pay' && action !== 'fail' && action !== 'timeout') return html(reply, 400, messagePage('Không thể thanh toán', 'Thao tác không hợp lệ.'));
      const d = await decide(db, order, action, new Date());
      if (d.redirect) return reply.status(303).header('location', d.redirect).header('cache-control', 'no-store').send();
      return html(reply, 200, messagePage(d.message!.title, d.message!.text));
    });

    scope.get(`${PAYMENT_SIM_PREFIX}/transactions`, { schema: { hide: true } }, async () => ({ items: await listTransactions(db) }));
  });
}
