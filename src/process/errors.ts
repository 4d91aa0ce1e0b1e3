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

type RoleName = 'staff' | 'member' | 'applicant' | 'public';

const ROLE_NAMES: Record<RoleName, string> = {
  staff: 'staff',
  member: 'a member of the working group',
  applicant: 'an applicant',
  public: 'signed in',
};

/**
 * Says who is refused and why in words: "alice is not staff (role: applicant)". `allowed` are the
 * roles (or phrases such as "the applicant") the step needs, in the order they are named.
 */
export function notAllowed(actor: { id: string; role: string }, allowed: readonly string[]): string {
  const names = allowed.map((r) => ROLE_NAMES[r as RoleName] ?? r);
  const list = names.length <= 1 ? (names[0] ?? 'allowed') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `${actor.id} is not ${list} (role: ${actor.role})`;
}
