import { AppError } from '../../platform/errors/app-error.js';
import type { Rejection } from '../../core/application/index.js';

/**
 * The one error that means "this input is rejected: park it on the DLQ with this code". Raised
 * for a decodable message the regulation core refused, or that cannot be mapped to a command.
 * Every other error (a system error, a bug, an outage) aborts the batch, which is retried.
 */
export class RejectedInputError extends AppError {
  static of(rejection: Rejection): RejectedInputError {
    return new RejectedInputError(
      rejection.code,
      `${rejection.message} The message was parked on the dead-letter topic; fix the sender or the application's state, then replay it.`,
      { phase: rejection.phase, command: rejection.command, applicationId: rejection.applicationId },
    );
  }
}
