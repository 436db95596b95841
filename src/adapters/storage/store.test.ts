import { openStore } from './index.ts';
import { runStoreContract } from './store.contract.ts';
import { TEST_DATABASES, createPgSchema } from '../../../test/support/databases.ts';

for (const db of TEST_DATABASES) {
  runStoreContract(db.name, async () => {
    const schema = db.name === 'postgres' ? await createPgSchema(db.url) : undefined;
    const open = openStore(
      schema ? { dialect: 'postgres', url: db.url, schema: schema.schema } : db.url,
    );
    await open.migrate();
    return {
      store: open.store,
      close: async () => {
        await open.close();
        await schema?.drop();
      },
    };
  });
}
