// `steward application …`: submit (from flags, a JSON/YAML file, or an issue-form body), list and
// show as the board would, questions and answers, withdraw, and what changed since the last
// report. `application parse` (read a body without storing it) is registered from application-parse.ts.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { registerParse } from './application-parse.js';
import { registerImport } from './application-import.js';
import type { Application } from '../../process/types.js';
import {
  checkEvaluator,
  policyOptions,
  printJson,
  storeOptions,
  withEngine,
  type CheckFlags,
  type PolicyFlags,
  type StoreFlags,
} from './process-context.js';

interface SubmitFlags extends StoreFlags, CheckFlags {
  body?: string;
  title?: string;
  file?: string;
  name?: string;
  repo?: string;
  contact?: string[];
  presentation?: string;
  video?: string;
  check?: boolean;
  format: string;
}

const collect = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

async function readText(file: string): Promise<string> {
  const [{ readFileSync }, { readRegularText }] = await Promise.all([import('node:fs'), import('../../util/read-file.js')]);
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readRegularText(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

async function submitInput(flags: SubmitFlags) {
  let input: {
    projectName: string;
    repoUrl: string;
    contacts: string[];
    fields?: Record<string, unknown>;
    presentation?: { file?: string; url?: string };
    videoUrl?: string;
  };
  if (flags.body) {
    const { parseApplicationBody } = await import('../../process/form/index.js');
    const parsed = parseApplicationBody(await readText(flags.body), flags.title ? { title: flags.title } : {});
    for (const p of parsed.problems)
      process.stderr.write(`steward: warning: ${p.field}${p.line ? ` (line ${p.line})` : ''}: ${p.message.replace(/^line \d+: /, '')}\n`);
    const f = parsed.fields;
    input = {
      projectName: flags.name ?? f.projectName ?? '',
      repoUrl: flags.repo ?? f.repoUrl ?? '',
      contacts: flags.contact ?? f.contactEmails,
      fields: { ...f },
    };
  } else if (flags.file) {
    const { parse } = await import('yaml');
    let raw: unknown;
    try {
      raw = parse(await readText(flags.file));
    } catch (err) {
      throw new InputError(`${flags.file}: expected JSON or YAML, ${(err as Error).message}`);
    }
    if (!raw || typeof raw !== 'object') throw new InputError(`${flags.file}: expected an object with projectName, repoUrl and contacts`);
    const r = raw as Record<string, unknown>;
    const contacts = Array.isArray(r['contacts'])
      ? r['contacts'].map(String)
      : typeof r['contacts'] === 'string'
        ? collect(r['contacts'])
        : [];
    input = { projectName: String(r['projectName'] ?? ''), repoUrl: String(r['repoUrl'] ?? ''), contacts, fields: r };
    if (typeof r['videoUrl'] === 'string') input.videoUrl = r['videoUrl'];
    if (typeof r['presentation'] === 'string')
      input.presentation = /^https?:/.test(r['presentation']) ? { url: r['presentation'] } : { file: r['presentation'] };
  } else {
    input = { projectName: flags.name ?? '', repoUrl: flags.repo ?? '', contacts: flags.contact ?? [] };
  }
  if (flags.presentation)
    input.presentation = /^https?:\/\//.test(flags.presentation) ? { url: flags.presentation } : { file: flags.presentation };
  if (flags.video) input.videoUrl = flags.video;
  if (!input.projectName || !input.repoUrl || input.contacts.length === 0) {
    const missing = [
      !input.projectName && 'a project name (--name, or --title "[Ecosystem] Name")',
      !input.repoUrl && 'a repository URL (--repo)',
      input.contacts.length === 0 && 'a contact e-mail (--contact)',
    ].filter(Boolean);
    throw new InputError(`submit: missing ${missing.join(', ')}`);
  }
  return input;
}

/** The form's answers in the form's order, names aligned; continuation lines indented under the value. */
export function formAnswers(fields: Record<string, unknown>, order: readonly string[]): string[] {
  const shown: [string, string][] = [];
  for (const name of order) {
    const v = fields[name];
    const text = Array.isArray(v)
      ? v.map(String).join(', ')
      : typeof v === 'string'
        ? v.trim()
        : v === null || v === undefined
          ? ''
          : JSON.stringify(v);
    if (text !== '') shown.push([name, text]);
  }
  if (shown.length === 0) return [];
  const w = Math.max(...shown.map(([n]) => n.length)) + 1;
  const pad = ' '.repeat(4 + w + 1);
  return ['  answers:', ...shown.map(([n, t]) => `    ${`${n}:`.padEnd(w)} ${t.split('\n').join(`\n${pad}`)}`)];
}

/** What staff does next with an application in this state, as the command to run. */
function nextStep(a: Application): string | undefined {
  switch (a.status) {
    case 'NEW':
    case 'RETURNING':
      return 'steward session schedule YYYY-MM-DD (takes it into review)';
    case 'WAITING_ON_COMMENT':
      return `the applicant answers: steward application answer ${a.id} "…" --as ${a.applicant}`;
    case 'IN_REVIEW':
      if (!a.vote) return `steward vote open ${a.id}`;
      if (!a.vote.result) return `members vote (steward vote cast ${a.id} approve --as <member>), then steward vote close ${a.id}`;
      return `steward decision record ${a.id} ${a.vote.result.approved ? 'ACCEPTED' : 'DECLINED'} --reason "…"`;
    case 'ACCEPTED':
      return `steward onboarding start ${a.id}`;
    case 'ONBOARDING':
      return `steward onboarding show ${a.id}`;
    default:
      return undefined;
  }
}

export function register(program: Command): void {
  const app = program.command('application').description('applications to the ecosystem: submit, list, show, questions, withdraw');

  storeOptions(
    policyOptions(app.command('submit'))
      .description('submit an application from flags, a JSON/YAML file (--file) or an issue-form body (--body)')
      .option('--body <file>', 'the issue body created from the ecosystem form (- for standard input)')
      .option('--title <title>', 'the issue title, "[Ecosystem] <Project Name>"')
      .option('--file <file>', 'a JSON or YAML file with projectName, repoUrl, contacts, presentation, videoUrl')
      .option('--name <name>', 'project name')
      .option('--repo <url>', 'repository URL')
      .option('--contact <emails>', 'contact e-mail(s), comma-separated or repeated', collect)
      .option('--presentation <file|url>', 'the presentation deck made from the ecosystem template')
      .option('--video <url>', 'an optional video (at most 15 minutes)')
      .option('--check', 'run the requirements check now and attach its report')
      .option('--repos-dir <dir>', 'look for a local clone of the repository here (for --check)')
      .option('--offline', 'check without network sources')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: SubmitFlags & PolicyFlags) => {
    const input = await submitInput(flags);
    const evaluator = flags.check ? await checkEvaluator(flags) : undefined;
    await withEngine(
      flags,
      async ({ engine, actor }) => {
        const { submitApplication } = await import('../../process/engine-applications.js');
        const a = await submitApplication(engine, actor, input);
        if (flags.format === 'json') printJson(a);
        else
          process.stdout.write(
            `application ${a.id} submitted: ${a.projectName} (${a.repoUrl}), status ${a.status}${a.resubmissionOf ? `, resubmission of ${a.resubmissionOf}` : ''}\n`,
          );
      },
      evaluator ? { evaluator } : {},
    );
  });

  storeOptions(
    app
      .command('list')
      .description('applications as the board shows them, by status')
      .option('--status <status>', 'only these statuses (comma-separated, any case: new,in_review)', collect)
      .option('--search <words>', 'only those whose name, repository, id, applicant or contacts hold every word')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text')),
  ).action(async (flags: StoreFlags & { status?: string[]; search?: string; format: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const [{ listApplications, maySee }, { searchApplications }] = await Promise.all([
        import('../../process/engine-applications.js'),
        import('../../process/search.js'),
      ]);
      // an applicant's board holds their own applications only
      const all = (
        await listApplications(
          engine,
          flags.status?.map((s) => s.toUpperCase().replace(/-/g, '_')),
        )
      ).filter((a) => maySee(actor, a));
      const list = searchApplications(all, flags.search);
      if (flags.format === 'json') return printJson(list);
      if (flags.format === 'csv') {
        const { toCsv } = await import('../../util/csv.js');
        return void process.stdout.write(
          toCsv(
            ['id', 'project', 'repository', 'status', 'submitted', 'applicant', 'contacts', 'session', 'decision', 'decided'],
            list.map((a) => [
              a.id,
              a.projectName,
              a.repoUrl,
              a.status,
              a.submittedAt.slice(0, 10),
              a.applicant,
              a.contacts.join(' '),
              a.sessionId,
              a.decision?.outcome,
              a.decision?.at.slice(0, 10),
            ]),
          ),
        );
      }
      const byStatus = new Map<string, typeof list>();
      for (const a of list) byStatus.set(a.status, [...(byStatus.get(a.status) ?? []), a]);
      for (const [status, apps] of byStatus) {
        process.stdout.write(`${status} (${apps.length})\n`);
        for (const a of apps)
          process.stdout.write(
            `  ${a.id.padStart(4)}  ${a.projectName}  ${a.repoUrl}  submitted ${a.submittedAt.slice(0, 10)}${a.returning ? '  [returning]' : ''}\n`,
          );
      }
      if (list.length === 0) process.stdout.write('no applications\n');
    });
  });

  storeOptions(
    app
      .command('show')
      .description('one application: answers, questions, vote, decision, onboarding, latest report')
      .argument('<id>')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (id: string, flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const [{ getApplicationAs }, { latestReport }, { FIELDS }, { dateOf, resubmissionAllowedFrom }] = await Promise.all([
        import('../../process/engine-applications.js'),
        import('../../process/engine-reports.js'),
        import('../../process/form/index.js'),
        import('../../process/calendar.js'),
      ]);
      const a = await getApplicationAs(engine, actor, id);
      const report = await latestReport(engine, `application:${id}`);
      if (flags.format === 'json')
        return printJson({
          application: a,
          report: report
            ? { id: report.id, verdict: report.verdict, commit: report.commit, asOf: report.asOf, policy: report.policy }
            : null,
        });
      const out = [
        `application ${a.id}: ${a.projectName} — ${a.status}`,
        `  repository: ${a.repoUrl}`,
        `  contacts: ${a.contacts.join(', ')}`,
        `  submitted: ${a.submittedAt.slice(0, 10)} by ${a.applicant}`,
      ];
      if (a.sessionId) out.push(`  session: ${a.sessionId}`);
      if (a.presentation) out.push(`  presentation: ${a.presentation.url ?? a.presentation.file}`);
      if (a.videoUrl) out.push(`  video: ${a.videoUrl}`);
      if (a.resubmissionOf) out.push(`  resubmission of application ${a.resubmissionOf}`);
      out.push(
        ...formAnswers(
          a.fields,
          FIELDS.map((f) => f.name),
        ),
      );
      for (const q of a.questions)
        out.push(
          `  question (${q.askedAt.slice(0, 10)}, ${q.askedBy}): ${q.text}${q.answer ? `\n    answer (${q.answeredAt?.slice(0, 10)}): ${q.answer}` : ''}`,
        );
      if (a.vote) {
        const r = a.vote.result;
        out.push(
          `  vote: roster ${a.vote.roster.length}, ${Object.keys(a.vote.ballots).length} binding ballots, ${Object.keys(a.vote.nonBinding).length} non-binding${r ? `; closed: ${r.approved ? 'approved' : 'not approved'} (${r.approvals} of ${r.rosterSize}, needed ${r.needed})` : '; open'}`,
        );
      }
      if (a.decision) out.push(`  decision: ${a.decision.outcome} on ${a.decision.at.slice(0, 10)} — ${a.decision.reason}`);
      // the same calendar rule submit enforces: a project not accepted waits resubmitAfterMonths
      if (a.decision && a.decision.outcome !== 'ACCEPTED')
        out.push(`  may resubmit from ${resubmissionAllowedFrom(dateOf(new Date(a.decision.at)), engine.rules.resubmitAfterMonths)}`);
      for (const i of a.onboarding ?? []) out.push(`  [${i.done ? 'x' : ' '}] ${i.key}: ${i.title} (${i.doneBy})`);
      if (report)
        out.push(
          `  report ${report.id}: ${report.verdict} at ${report.commit.slice(0, 12)}, as of ${report.asOf.slice(0, 10)}, policy ${report.policy}`,
        );
      const next = nextStep(a);
      if (next) out.push(`next: ${next}`);
      process.stdout.write(out.join('\n') + '\n');
    });
  });

  for (const [name, desc] of [
    ['ask', 'ask the applicant a question (WAITING_ON_COMMENT)'],
    ['answer', 'answer the open question (the application returns, reviewed first)'],
  ] as const) {
    storeOptions(app.command(name).description(desc).argument('<id>').argument('<text>')).action(
      async (id: string, text: string, flags: StoreFlags) => {
        await withEngine(flags, async ({ engine, actor }) => {
          const m = await import('../../process/engine-applications.js');
          const a = await (name === 'ask' ? m.askQuestion : m.answerQuestion)(engine, actor, id, text);
          process.stdout.write(`application ${a.id}: ${a.status}\n`);
        });
      },
    );
  }

  storeOptions(app.command('withdraw').description('withdraw an application').argument('<id>')).action(
    async (id: string, flags: StoreFlags) => {
      await withEngine(flags, async ({ engine, actor }) => {
        const { withdrawApplication } = await import('../../process/engine-applications.js');
        process.stdout.write(`application ${(await withdrawApplication(engine, actor, id)).id}: WITHDRAWN\n`);
      });
    },
  );

  storeOptions(
    app
      .command('diff')
      .description("what changed since the repository's previous report (a resubmission against its decline)")
      .argument('<id>')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (id: string, flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const [{ changesSince }, { renderDiff }, { getApplicationAs }] = await Promise.all([
        import('../../process/engine-reports.js'),
        import('../../process/report-diff.js'),
        import('../../process/engine-applications.js'),
      ]);
      await getApplicationAs(engine, actor, id);
      const d = await changesSince(engine, `application:${id}`);
      if (flags.format === 'json') return printJson(d);
      process.stdout.write(d ? renderDiff(d) : `application ${id}: no earlier report of this repository to compare with\n`);
    });
  });

  registerParse(app);
  registerImport(app);
}
