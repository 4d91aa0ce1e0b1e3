// The in-process job runner used with SQLite (one process owns the file): named tasks run every
// `everyMs`, never overlapping themselves; a failing run is reported and the next one still
// happens. stop() waits for runs in progress, so a worker shuts down between transactions.
export interface Task {
  name: string;
  everyMs: number;
  run(signal: AbortSignal): Promise<unknown>;
}

export interface Runner {
  stop(): Promise<void>;
  /** completed runs per task, for status and tests */
  runs: Record<string, number>;
}

export function startJobs(tasks: Task[], opts: { onError?: (task: string, err: unknown) => void; runAtStart?: boolean } = {}): Runner {
  const controller = new AbortController();
  const runs: Record<string, number> = {};
  const inFlight = new Set<Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  for (const task of tasks) {
    if (!(task.everyMs > 0)) throw new Error(`job ${task.name}: expected a positive interval in ms, found ${task.everyMs}`);
    runs[task.name] = 0;
    let busy = false;
    const tick = () => {
      if (busy || controller.signal.aborted) return;
      busy = true;
      const p = task
        .run(controller.signal)
        .then(() => void (runs[task.name]! += 1))
        .catch((err) => opts.onError?.(task.name, err))
        .finally(() => {
          busy = false;
          inFlight.delete(p);
        });
      inFlight.add(p);
    };
    timers.push(setInterval(tick, task.everyMs));
    if (opts.runAtStart !== false) tick();
  }
  return {
    runs,
    async stop() {
      controller.abort();
      for (const t of timers) clearInterval(t);
      await Promise.all([...inFlight]);
    },
  };
}
