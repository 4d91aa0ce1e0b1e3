// The request's view of who is asking, shared by the middleware, the route table and the pages.
import type { Context } from 'hono';
import type { ServerContext } from './context.js';

export interface Viewer {
  id: string;
  role: 'applicant' | 'member' | 'staff';
  email: string | null;
  /** on the working-group roster (votes count) */
  wg: boolean;
  via: 'session' | 'token';
}

export type Env = { Variables: { viewer: Viewer | null; csrf: string; ctx: ServerContext } };
export type C = Context<Env>;

/** Working-group rights: members and staff see every application and the audit log. */
export const isWg = (v: Viewer | null): boolean => v?.role === 'member' || v?.role === 'staff';
export const isStaff = (v: Viewer | null): boolean => v?.role === 'staff';
