/**
 * The embedded database is one process's: a server writes <data-dir>/server.lock with its pid and
 * port, and other commands either talk to that server over HTTP or refuse, instead of opening the
 * same files twice (which would corrupt them).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ServerLock {
  pid: number;
  port: number;
}

const lockFile = (dataDir: string) => path.join(dataDir, 'server.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readServerLock(dataDir: string): ServerLock | null {
  try {
    const lock = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as ServerLock;
    return lock.pid !== process.pid && alive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

export function writeServerLock(dataDir: string, port: number): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const other = readServerLock(dataDir);
  if (other) {
    throw new Error(
      `Thư mục dữ liệu ${dataDir} đang được máy chủ khác dùng (pid ${other.pid}, cổng ${other.port}). / The data dir is in use by another server.`,
    );
  }
  fs.writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, port }));
  return () => {
    try {
      const cur = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as ServerLock;
      if (cur.pid === process.pid) fs.unlinkSync(lockFile(dataDir));
    } catch {
      /* already gone */
    }
  };
}
