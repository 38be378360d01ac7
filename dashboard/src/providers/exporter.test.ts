// Issue 23: the list export writes what the viewer's records hold, every cell through the one CSV-safe
// rule (csvInert), so a value a spreadsheet would run as a formula is inert.
import { recordsToCsv } from './exporter';

describe('M23: CSV export of a list', () => {
  it('M23: formula-like cells get a leading apostrophe; lists, objects and empty values are plain cells', () => {
    const csv = recordsToCsv([
      { id: '1', name: '=HYPERLINK("http://evil.example","x")', tags: ['a', 'b'], __typename: 'Customer' },
      { id: '2', name: '+46 70 123 45 67', notes: null, contact: { name: 'Anna' } },
      { id: '3', name: '@SUM(A1)', amount: -5 },
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('id,name,tags,notes,contact,amount');
    expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://evil.example"",""x"")","a, b",,,`);
    expect(lines[2]).toBe(`2,'+46 70 123 45 67,,,"{""name"":""Anna""}",`);
    expect(lines[3]).toBe(`3,'@SUM(A1),,,,'-5`);
    expect(csv).not.toContain('__typename');
  });
});
