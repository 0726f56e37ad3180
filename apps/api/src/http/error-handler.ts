/**
 * One place maps every error to the JSON shape of DESIGN §7 with a stable code and a Vietnamese
 * message; unknown errors are logged and hidden behind INTERNAL with the request id.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors, isAppError } from '../errors.ts';

interface ValidationIssue {
  field: string;
  message: string;
}

function validationDetails(err: FastifyError): ValidationIssue[] {
  const ctx = err.validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [ctx, where, missing].filter(Boolean).join('.');
    return { field, message: v.message ?? 'không hợp lệ' };
  });
}

export function sendError(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  return reply.status(err.status).send({
    error: { code: err.code, message: err.message, messageEn: err.messageEn, details: err.details ?? null, requestId: request.id },
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isAppError(err)) return sendError(reply, request, err);
    if (err.validation) {
      const details = validationDetails(err);
      const fields = details.map((d) => d.field).join(', ');
      return sendError(reply, request, errors.validation(details, `Tham số không hợp lệ: ${fields}.`));
    }
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, request, new AppError('PAYLOAD_TOO_LARGE', 'Tệp hoặc dữ liệu gửi lên quá lớn.', 'Payload too large.'));
    }
    if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, request, new AppError('UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ.', 'Unsupported media type.'));
    }
    if (err.statusCode === 400 || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendError(reply, request, errors.validation({ reason: err.message }, 'Nội dung yêu cầu không đọc được.'));
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, request, errors.internal());
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? request.url;
    // Client-side routes of the web app: any non-API page GET gets the app's index.html.
    if (request.method === 'GET' && !url.startsWith('/api/') && typeof reply.sendFile === 'function' && !/\.(js|css|map|png|svg|ico|jpg|webp|woff2?|json|txt|webmanifest)$/i.test(url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, request, errors.routeNotFound(request.method, url));
  });
}
