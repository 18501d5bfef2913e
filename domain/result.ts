// Use cases return typed outcomes instead of throwing: the bot turns each error code into localized text.
export type Ok<T> = { ok: true; value: T };
export type Err<E extends { code: string }> = { ok: false; error: E };
export type Result<T, E extends { code: string }> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends { code: string }>(error: E): Err<E> => ({ ok: false, error });

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
