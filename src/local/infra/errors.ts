import { AppError } from '../../platform/errors/app-error.js';

/** A service of the local infrastructure could not be fetched or started. */
export class InfraError extends AppError {}
