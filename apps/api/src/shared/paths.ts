import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (apps/api/src/shared → ../../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Reference data shipped with the product (copied from shared/data/reference; see its SOURCES.md). */
export const REFERENCE_DIR = path.join(REPO_ROOT, 'data', 'reference');
/** Product data written by this project (agencies, starter catalogue, demo). */
export const PRODUCT_DATA_DIR = path.join(REPO_ROOT, 'data', 'product');
