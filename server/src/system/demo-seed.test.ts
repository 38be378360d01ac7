// Issue 16 item 6 (M10): each module declares its demo seed in its own `index.ts`; the demo is those
// seeders, run in the order their declarations give. The demo data the suites rely on is pinned by a
// canonical summary (per table a row count and a checksum over what stays the same from one seeding
// to the next: testing/demo-summary.ts), so moving a seeder cannot change it unnoticed. A deliberate
// change to the demo data updates the snapshot (`npx jest server/src/system/demo-seed -u`).
import { createDemoDatabase } from '../testing/demo';
import { summariseDatabase } from '../testing/demo-summary';

it("M10: the demo seed is the modules' seeders, in their declared order", async () => {
  const db = await createDemoDatabase();
  try {
    const summary = await summariseDatabase(db.superuserUrl);
    expect(Object.keys(summary).length).toBeGreaterThan(50); // it read the schema
    expect(summary).toMatchSnapshot();
  } finally {
    await db.drop();
  }
}, 60_000);
