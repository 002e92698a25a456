import { planBulk } from './bulk-plan';
import { BulkOperation } from './bulk-request';

const post = (index: number, bulkId: string, data: object = {}): BulkOperation => ({ index, method: 'POST', bulkId, path: '/Groups', data });

describe('planBulk', () => {
  it('keeps request order among independent operations', () => {
    expect(planBulk([post(0, 'a'), post(1, 'b'), post(2, 'c')]).order).toEqual([0, 1, 2]);
  });

  it('runs a POST before the operations that reference its bulkId, wherever it stands', () => {
    const ops = [post(0, 'g', { members: [{ value: 'bulkId:u1' }, { value: 'bulkId:u2' }] }), post(1, 'u1'), post(2, 'u2')];
    const plan = planBulk(ops);
    expect(plan.order).toEqual([1, 2, 0]);
    expect(plan.dependencies.get(0)).toEqual([1, 2]);
    expect(plan.failures).toEqual([]);
  });

  it('resolves references in the path (PATCH /Groups/bulkId:g)', () => {
    const ops: BulkOperation[] = [{ index: 0, method: 'PATCH', path: '/Groups/bulkId:g', data: {} }, post(1, 'g')];
    expect(planBulk(ops).order).toEqual([1, 0]);
  });

  it('reports a circular reference with 409 on every operation of the cycle and its dependants, without looping', () => {
    const ops = [
      post(0, 'a', { members: [{ value: 'bulkId:b' }] }),
      post(1, 'b', { members: [{ value: 'bulkId:a' }] }),
      post(2, 'c', { members: [{ value: 'bulkId:a' }] }),
      post(3, 'd'),
    ];
    const plan = planBulk(ops);
    expect(plan.order).toEqual([3]);
    expect(plan.failures.map((f) => [f.index, f.status]).sort()).toEqual([[0, 409], [1, 409], [2, 409]]);
  });

  it('fails self references, unknown bulkIds and duplicate bulkIds', () => {
    const ops = [post(0, 'a', { members: [{ value: 'bulkId:a' }] }), post(1, 'x', { members: [{ value: 'bulkId:nope' }] }), post(2, 'y'), post(3, 'y')];
    const plan = planBulk(ops);
    expect(plan.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 0, status: 409 }),
        expect.objectContaining({ index: 1, status: 400 }),
        expect.objectContaining({ index: 3, status: 400 }),
      ]),
    );
    expect(plan.order).toEqual([2]);
  });
});
