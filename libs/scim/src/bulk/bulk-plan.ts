import { BulkOperation } from './bulk-request';
import { referencedBulkIds } from './bulk-references';

/** Why an operation cannot run, decided before anything executes. */
export type PlanFailure = { index: number; status: number; scimType?: string; detail: string };

export interface BulkPlan {
  /** Indexes in execution order: request order, except that an operation waits for the POSTs it references. */
  order: number[];
  /** Operations that will not run: unknown or duplicate bulkIds, circular references. */
  failures: PlanFailure[];
  /** For each operation, the indexes of the POST operations whose ids it needs. */
  dependencies: Map<number, number[]>;
}

/**
 * Orders a BulkRequest by its bulkId references (RFC 7644 §3.7.2) with a topological sort that keeps
 * request order among independent operations. References that form a cycle (group A lists group B
 * as a member and B lists A) cannot be resolved here: nested groups may not contain each other, and
 * a manager cycle would need two passes. Every operation on a cycle, and every operation depending
 * on one, fails with 409 as §3.7.3 shows; nothing is ever looped on.
 */
export function planBulk(operations: BulkOperation[]): BulkPlan {
  const failures: PlanFailure[] = [];
  const failed = new Set<number>();
  const declared = new Map<string, number>();
  for (const op of operations) {
    if (op.bulkId === undefined) continue;
    if (declared.has(op.bulkId)) {
      fail(failures, failed, { index: op.index, status: 400, scimType: 'invalidValue', detail: `bulkId "${op.bulkId}" is used by more than one operation` });
    } else if (op.method === 'POST') {
      declared.set(op.bulkId, op.index);
    }
  }
  const dependencies = new Map<number, number[]>();
  for (const op of operations) {
    const needed: number[] = [];
    for (const bulkId of referencedBulkIds(op.path, op.data)) {
      const target = declared.get(bulkId);
      if (target === undefined) {
        fail(failures, failed, { index: op.index, status: 400, scimType: 'invalidValue', detail: `bulkId "${bulkId}" is not declared by any POST operation of this request` });
      } else if (target === op.index) {
        fail(failures, failed, { index: op.index, status: 409, detail: `The operation refers to its own bulkId "${bulkId}" (circular reference)` });
      } else {
        needed.push(target);
      }
    }
    dependencies.set(op.index, needed);
  }
  const order: number[] = [];
  const done = new Set<number>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const op of operations) {
      if (done.has(op.index) || failed.has(op.index)) continue;
      const needed = dependencies.get(op.index)!;
      if (needed.some((index) => failed.has(index))) {
        fail(failures, failed, { index: op.index, status: 409, detail: 'The operation refers to a bulkId whose operation cannot run' });
        progressed = true;
      } else if (needed.every((index) => done.has(index))) {
        order.push(op.index);
        done.add(op.index);
        progressed = true;
        break; // restart from the top so request order wins among ready operations
      }
    }
  }
  for (const op of operations) {
    if (!done.has(op.index) && !failed.has(op.index)) {
      fail(failures, failed, { index: op.index, status: 409, detail: 'Circular bulkId reference: the operations refer to each other and cannot be ordered' });
    }
  }
  return { order, failures, dependencies };
}

function fail(failures: PlanFailure[], failed: Set<number>, failure: PlanFailure): void {
  if (failed.has(failure.index)) return;
  failed.add(failure.index);
  failures.push(failure);
}
