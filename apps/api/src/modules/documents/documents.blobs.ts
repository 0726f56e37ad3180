/**
 * Content-addressed storage of file bytes (DESIGN §8: "files go to a content-addressed store on disk,
 * S3-compatible adapter for scale"). A file is staged first (streamed to a temporary file while its
 * SHA-256, size and first bytes are taken), so the caller can look at the content before keeping
 * it; `keep` then moves it to its final name. The same bytes are kept once, whoever sends them.
 *
 * Order with the database: the blob is kept before the row that names it is committed, never after,
 * so a row never points at nothing; a failed transaction leaves at most an unreferenced blob.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** Bytes looked at by the type sniffer; enough for every signature we accept. */
export const HEAD_BYTES = 16;

export interface StagedBlob {
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes (fewer for a shorter file). */
  head: Buffer;
  /** Stores the bytes under their hash (a no-op when they are already there) and removes the stage. */
  keep(): Promise<void>;
  /** Forgets the bytes. */
  discard(): Promise<void>;
}

/** Where bytes live. One implementation on disk; an S3-compatible one can be added behind this. */
export interface BlobStore {
  /**
   * Streams `source` to a stage. Rejects with BlobTooLargeError past `maxBytes` (the rest of the
   * source is not read) and removes what it wrote.
   */
  stage(source: Readable, opts?: { maxBytes?: number }): Promise<StagedBlob>;
  /** The bytes of a kept blob as a stream; rejects with code ENOENT when missing. */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** `<root>/ab/cd/<sha256>`: two levels of 256 directories keep each directory small. */
export function blobPath(root: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('not a sha256');
  return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Makes a rename or a new file durable: fsync of the directory that holds the name. */
async function syncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The disk store under `root` (normally `<data-dir>/blobs`); its stages live in `<root>/tmp`. */
export class DiskBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  async stage(source: Readable, opts: { maxBytes?: number } = {}): Promise<StagedBlob> {
    const tmpDir = path.join(this.root, 'tmp');
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${crypto.randomUUID()}.part`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const headParts: Buffer[] = [];
    let headLength = 0;
    const fh = await fsp.open(tmp, 'wx', 0o600);
    try {
      // Leaving the loop early (limit passed) destroys the source, so the rest is never read.
      for await (const data of source) {
        const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array);
        size += chunk.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes) throw new BlobTooLargeError(opts.maxBytes);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          headParts.push(part);
          headLength += part.length;
        }
        hash.update(chunk);
        await fh.write(chunk);
      }
      // The bytes must be on disk before a database row can name them.
      await fh.sync();
    } catch (e) {
      await fh.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true });
      throw e;
    }
    await fh.close();
    const sha256 = hash.digest('hex');
    const final = blobPath(this.root, sha256);
    let settled = false;
    return {
      sha256,
      size,
      head: Buffer.concat(headParts),
      keep: async () => {
        if (settled) return;
        settled = true;
        if (await exists(final)) {
          // Same hash, same bytes: the copy already kept serves both.
          await fsp.rm(tmp, { force: true });
          return;
        }
        await fsp.mkdir(path.dirname(final), { recursive: true });
        await fsp.rename(tmp, final);
        await syncDir(path.dirname(final));
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await fsp.rm(tmp, { force: true });
      },
    };
  }

  async open(sha256: string): Promise<Readable> {
    const fh = await fsp.open(blobPath(this.root, sha256), 'r');
    return fh.createReadStream();
  }

  async has(sha256: string): Promise<boolean> {
    return exists(blobPath(this.root, sha256));
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.access(p, fs.constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** The store of an installation: `<data-dir>/blobs`. */
export function blobStoreFor(config: { dataDir: string }): BlobStore {
  return new DiskBlobStore(path.join(config.dataDir, 'blobs'));
}

/** Stages bytes already in memory (a generated PDF). */
export function stageBuffer(store: BlobStore, bytes: Buffer | Uint8Array, maxBytes?: number): Promise<StagedBlob> {
  return store.stage(Readable.from([Buffer.from(bytes)]), { maxBytes });
}
