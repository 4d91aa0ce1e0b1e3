// The process engine's commands, registered together so main.ts needs one line for all of them.
// Each module imports its heavy dependencies (kysely, drivers, nodemailer) inside its actions.
import type { Command } from 'commander';
import { register as application } from './application.js';
import { register as session } from './session.js';
import { register as vote } from './vote.js';
import { register as decision } from './decision.js';
import { register as onboarding } from './onboarding.js';
import { register as review } from './review.js';
import { register as retire } from './retire.js';
import { register as notices } from './notices.js';
import { register as audit } from './audit.js';
import { register as importLandscape } from './import.js';
import { register as amendment } from './policy-amend.js';
import { register as people } from './people.js';
import { register as worker } from './worker.js';
import { register as github } from './github.js';
import { register as waiver } from './waiver.js';
import { register as inbox } from './inbox.js';
import { register as jobs } from './jobs.js';

export function registerProcessCommands(program: Command): void {
  for (const r of [
    inbox,
    application,
    session,
    vote,
    decision,
    onboarding,
    review,
    retire,
    notices,
    audit,
    importLandscape,
    amendment,
    waiver,
    people,
    worker,
    github,
    jobs,
  ])
    r(program);
}
