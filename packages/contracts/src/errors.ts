import { Type, type Static } from '@sinclair/typebox';

/** The error body of DESIGN §7: a stable code, a Vietnamese message, optional details. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      messageEn: Type.Optional(Type.String()),
      details: Type.Optional(Type.Unknown()),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;
