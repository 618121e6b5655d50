/**
 * Every error this project raises on purpose carries a stable `code` (for alerts, DLQ records and
 * tests) and a message that tells the operator what to do next.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}
