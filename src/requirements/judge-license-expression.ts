// An SPDX expression judged against a policy's license allowlist (requirements 7 and 15, the
// OSI rule and `steward license`): the evidence keeps the expression as written, the verdict is
// the policy's.
import { parseExpression, sameLicense, type ExpressionNode } from '../evidence/license/spdx.js';

export interface ExpressionVerdict {
  allowed: boolean;
  /** ids that kept the expression from being allowed */
  blocking: string[];
}

/** An expression is allowed when each AND side is, and some OR side is; `WITH` exceptions keep the license's verdict. */
export function judgeExpression(expr: string, allow: readonly string[]): ExpressionVerdict | null {
  const node = parseExpression(expr);
  if (!node) return null;
  const ok = (id: string) => allow.some((a) => sameLicense(a, id));
  const walk = (n: ExpressionNode): ExpressionVerdict => {
    if ('license' in n) return ok(n.license) ? { allowed: true, blocking: [] } : { allowed: false, blocking: [n.license] };
    const l = walk(n.left);
    const r = walk(n.right);
    if (n.conjunction === 'and') return { allowed: l.allowed && r.allowed, blocking: [...l.blocking, ...r.blocking] };
    return l.allowed || r.allowed ? { allowed: true, blocking: [] } : { allowed: false, blocking: [...l.blocking, ...r.blocking] };
  };
  return walk(node);
}
