/**
 * What a production configuration must name besides the database (env.ts refuses to start without
 * it): the external national systems and the notification channel. The benchmarks call none of
 * them; the SMS channel is on so every intake queues its notification in the outbox inside its
 * transaction, as in production, while delivery (poll 0 = no worker in the server) is left to a
 * separate `motcua notify` process the benchmarks do not run.
 */
export const PRODUCTION_EXTERNALS: Record<string, string> = {
  MOTCUA_REGISTRY_URL: 'https://registry.bench.invalid',
  MOTCUA_REGISTRY_API_KEY: 'bench-registry-key',
  MOTCUA_VNEID_ISSUER: 'https://vneid.bench.invalid',
  MOTCUA_VNEID_CLIENT_ID: 'motcua-bench',
  MOTCUA_VNEID_CLIENT_SECRET: 'bench-client-secret-0123456789',
  MOTCUA_PAYMENT_GATEWAY_URL: 'https://pay.bench.invalid',
  MOTCUA_PAYMENT_SECRET: 'bench-payment-secret-0123456789',
  MOTCUA_NOTIFY_CHANNELS: 'sms',
  MOTCUA_SMS_URL: 'https://sms.bench.invalid',
  MOTCUA_SMS_API_KEY: 'bench-sms-key',
  MOTCUA_NOTIFY_POLL_MS: '0',
};
