/** Timers that run only when a test says (a `Later` for services that wait). */
import type { Later } from '../../src/core/ports.ts';

export class ManualLater {
  readonly jobs: Array<{ work: () => Promise<void>; ms: number }> = [];
  readonly later: Later = (work, ms) => {
    const job = { work, ms };
    this.jobs.push(job);
    // A job already run or cancelled is no longer in the list (`>>> 0` turns -1 into an index past the end).
    return () => this.jobs.splice(this.jobs.indexOf(job) >>> 0, 1);
  };
  async runAll(): Promise<void> {
    for (const job of this.jobs.splice(0)) await job.work();
  }
}
