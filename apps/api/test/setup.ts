/**
 * Runs before every test file: pins the time zone away from Việt Nam and makes any unplanned
 * outbound network call fail (only loopback is allowed, for the app itself and the test databases).
 */
import net from 'node:net';

process.env.TZ = 'America/Los_Angeles';

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host = typeof first === 'object' && first !== null ? (first.path ? 'unix' : (first.host ?? 'localhost')) : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!['localhost', '127.0.0.1', '::1', 'unix'].includes(host)) {
    throw new Error(`Unplanned outbound connection to ${host} in a test`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
