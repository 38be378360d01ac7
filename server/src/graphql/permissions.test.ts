// S15: every operation and restricted field has a declared permission, and the committed snapshot of
// who may reach what changes only together with the matrix (a diff here reads as a permission change).
import { FIELD_PERMISSIONS, PERMISSIONS, ROLES, mayReach, type Audience } from '@sitecare/schema';
import { isObjectType } from 'graphql';
import { buildSitecareSchema } from './schema';

const describeAudience = (audience: Audience) =>
  audience === 'PUBLIC' || audience === 'AUTHENTICATED' ? audience : audience.join(', ');

describe('S15: the permission matrix', () => {
  it('S15: declares every Query and Mutation field, and nothing that does not exist', async () => {
    const schema = await buildSitecareSchema();
    const operations = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type!.getFields()).map((name) => `${type!.name}.${name}`),
    );
    expect(operations.filter((op) => !(op in PERMISSIONS))).toEqual([]);
    expect(Object.keys(PERMISSIONS).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('S15: restricted fields exist in the schema', async () => {
    const schema = await buildSitecareSchema();
    for (const coordinate of Object.keys(FIELD_PERMISSIONS)) {
      const [typeName, field] = coordinate.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type) && field in type.getFields()).toBe(true);
    }
  });

  it('S15: who may reach what (snapshot: review a change here as a permission change)', () => {
    const lines = Object.entries(PERMISSIONS).map(([op, p]) => {
      const roles = ['anonymous', ...ROLES].filter((r) =>
        mayReach(p.audience, r === 'anonymous' ? undefined : (r as never)),
      );
      return `${op.padEnd(32)} ${describeAudience(p.audience).padEnd(40)} rule=${p.rule.padEnd(13)} reach: ${roles.join(' ')}`;
    });
    const fields = Object.entries(FIELD_PERMISSIONS).map(([f, roles]) => `${f.padEnd(32)} ${roles.join(', ')}`);
    expect(['# operations', ...lines, '# restricted fields', ...fields].join('\n')).toMatchSnapshot();
  });
});
