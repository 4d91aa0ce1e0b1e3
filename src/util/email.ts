// One rule for an e-mail address, used wherever one enters Steward (the issue form, people, the
// notice recipients): a mailbox a person can be written to. Nothing else is accepted, so no CR/LF,
// space or comma can ride into a mail header.
// RFC 5321 allows more; a bounded pattern (no nested quantifiers) so hostile input cannot make it backtrack.
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s);
}
