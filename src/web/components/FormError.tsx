/** The message of a failed request, announced and shown above the form. */
import { ApiError } from '../api/http.ts';
import { copy } from '../copy.ts';

export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : copy.errors.general;
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}

/** Field messages from an ApiError, keyed by input name, for React Aria's Form `validationErrors`. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}
