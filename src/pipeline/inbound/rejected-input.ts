import { AppError } from '../../platform/errors/app-error.js';
import type { Rejection } from '../../core/application/index.js';

/** A decodable message the regulation core refused: parked on the DLQ with the core's code. */
export class RejectedInputError extends AppError {
  constructor(rejection: Rejection) {
    super(rejection.code, `${rejection.message} The message was parked on the dead-letter topic; fix the sender or the application's state, then replay it.`, {
      phase: rejection.phase,
      command: rejection.command,
      applicationId: rejection.applicationId,
    });
  }
}
