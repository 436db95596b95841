/** Wires the four-tasks services (reflections, intentions, worldview pages, export) over the open database. */
import { ExportService } from '../core/export.service.ts';
import { IntentionService } from '../core/intention.service.ts';
import type { Runtime, Store } from '../core/ports.ts';
import { ReflectionService } from '../core/reflection.service.ts';
import { WorldviewService } from '../core/worldview.service.ts';
import { FourTasksKyselyStore } from '../adapters/storage/four-tasks.store.ts';
import type { KyselyStore } from '../adapters/storage/index.ts';

/** The services behind reflections, intentions, worldview pages and the personal export. */
export interface FourTasksServices {
  reflections: ReflectionService;
  intentions: IntentionService;
  worldview: WorldviewService;
  exports: ExportService;
}

/** Builds the services; `store` is the main store, whose connection the four-tasks tables share. */
export function composeFourTasks(runtime: Runtime, store: KyselyStore): FourTasksServices {
  const fourTasks = new FourTasksKyselyStore(store.db, (work) => store.transactionOn(work));
  const deps = { ...runtime, store: store as Store, fourTasks };
  return {
    reflections: new ReflectionService(deps),
    intentions: new IntentionService(deps),
    worldview: new WorldviewService(deps),
    exports: new ExportService(deps),
  };
}
