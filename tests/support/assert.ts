// Assertions the test files share (one copy, instead of one per file).

import * as assert from "node:assert/strict";
import { RecordedResource } from "../../tools/mocks";

/** What the helpers read of a run: a stack run, a bootstrap run or a component built alone. */
export interface Resources {
    resources: RecordedResource[];
}

/**
 * Which resources of the type count: a name suffix (a whole name is a suffix
 * too), or a predicate such as `under(run, "hms:cache:Cache")`.
 */
export type Filter = string | ((r: RecordedResource) => boolean);

/** The resources of `type` the filter accepts, in registration order. */
export function all(run: Resources, type: string, filter?: Filter): RecordedResource[] {
    const accepts =
        filter === undefined
            ? () => true
            : typeof filter === "string"
              ? (r: RecordedResource) => r.name.endsWith(filter)
              : filter;
    return run.resources.filter((r) => r.type === type && accepts(r));
}

/** The only resource of `type` (that the filter accepts); fails naming what it found. */
export function one(run: Resources, type: string, filter?: Filter): RecordedResource {
    const found = all(run, type, filter);
    assert.equal(
        found.length,
        1,
        `expected one ${type}${typeof filter === "string" ? ` named *${filter}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`,
    );
    return found[0];
}

/** A filter for the direct children of the run's only component of `componentType`. */
export function under(run: Resources, componentType: string): (r: RecordedResource) => boolean {
    const component = run.resources.filter((r) => r.type === componentType);
    assert.equal(component.length, 1, `expected one ${componentType} component, found ${component.length}`);
    return (r) => r.parent === component[0].urn;
}

/** A policy outcome with no violation and no "cannot run during preview" note. */
export function clean(outcome: { violations: unknown[]; previewNotes: unknown[] }): void {
    assert.deepEqual(outcome.violations, []);
    assert.deepEqual(outcome.previewNotes, []);
}
