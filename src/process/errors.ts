// Why a process command was refused: the caller may not do it, the state does not allow it, or
// the input is malformed. Drivers map `code` to an exit status or an HTTP status.
export type ProcessErrorCode = 'forbidden' | 'conflict' | 'invalid' | 'not-found' | 'too-early';

export class ProcessError extends Error {
  override name = 'ProcessError';
  constructor(
    readonly code: ProcessErrorCode,
    message: string,
  ) {
    super(message);
  }
}
