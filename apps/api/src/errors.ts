/**
 * Domain errors with stable codes (DESIGN §7). Services throw these; the HTTP error handler maps
 * them to `{ error: { code, message, details } }`. Messages are Vietnamese first; `messageEn` helps
 * API clients and logs.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IMPORT_REJECTED'
  | 'RATE_LIMITED'
  | 'EXTERNAL_UNAVAILABLE'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  RATE_LIMITED: 429,
  EXTERNAL_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const errors = {
  validation: (details: unknown, message = 'Dữ liệu gửi lên không hợp lệ.') =>
    new AppError('VALIDATION_FAILED', message, 'Invalid request data.', details),
  notFound: (what: string, whatEn: string, details?: unknown) =>
    new AppError('NOT_FOUND', `Không tìm thấy ${what}.`, `${whatEn} not found.`, details),
  routeNotFound: (method: string, url: string) =>
    new AppError('ROUTE_NOT_FOUND', `Không có địa chỉ ${method} ${url}.`, `No route ${method} ${url}.`),
  unauthenticated: () =>
    new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để thực hiện thao tác này.', 'Authentication required.'),
  citizenUnauthenticated: () =>
    new AppError(
      'UNAUTHENTICATED',
      'Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để thực hiện thao tác này.',
      'Log in with your VNeID account to do this.',
    ),
  identityLevelTooLow: (required: number) =>
    new AppError(
      'FORBIDDEN',
      `Thủ tục này yêu cầu tài khoản định danh điện tử mức độ ${required}. Vui lòng kích hoạt mức ${required} trên ứng dụng VNeID rồi đăng nhập lại.`,
      `This procedure requires a level-${required} electronic identity account.`,
      { reason: 'identity_level', required },
    ),
  invalidCredentials: () =>
    new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'),
  forbidden: (details?: unknown) =>
    new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', 'You may not do this.', details),
  conflict: (message: string, messageEn: string, details?: unknown) =>
    new AppError('CONFLICT', message, messageEn, details),
  importRejected: (details: unknown) =>
    new AppError(
      'IMPORT_REJECTED',
      'Tệp nhập có dòng không hợp lệ; không dòng nào được ghi.',
      'The import file has invalid rows; nothing was written.',
      details,
    ),
  /** A national system (population registry, VNeID …) did not answer or refused us; `system` names it in Vietnamese. */
  externalUnavailable: (system: string, systemEn: string, details?: unknown) =>
    new AppError(
      'EXTERNAL_UNAVAILABLE',
      `Không kết nối được ${system}. Vui lòng thử lại sau.`,
      `${systemEn} is unavailable. Please try again later.`,
      details,
    ),
  internal: () =>
    new AppError('INTERNAL', 'Lỗi hệ thống. Vui lòng thử lại sau.', 'Internal error. Please try again later.'),
};
