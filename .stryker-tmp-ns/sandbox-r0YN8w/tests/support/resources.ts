// @ts-nocheck
// Helpers the tests share to read a stack run and to parse a stack's configuration.

import * as assert from "assert";
import { ConfigError, HmsConfig, parseConfig } from "../../config";
import { RecordedResource } from "../../tools/mocks";
import { applyOverrides, readStackConfig, StackRun } from "../../tools/stack";

/** Every resource of `type` in the run, in registration order. */
export const ofType = (run: StackRun, type: string): RecordedResource[] => run.resources.filter((r) => r.type === type);

/** The resource the mocks gave `id`; fails when there is none. */
export function byId(run: StackRun, id: unknown): RecordedResource {
    const r = run.resources.find((x) => x.id === id);
    assert.ok(r, `no resource with id ${id}`);
    return r;
}

/** ARN of one of the stack's KMS keys: "data", "logs", "backup" or "dr". */
export const keyArn = (run: StackRun, suffix: string): unknown =>
    run.resources.find((r) => r.type === "aws:kms/key:Key" && r.name.endsWith(`-keys-${suffix}`))?.outputs.arn;

/** The `hms:` values of a stack file (without the namespace) and its aws:region, as the CLI passes them. */
export function stackValues(
    stack: string,
    overrides: Record<string, unknown> = {},
): { values: Record<string, string>; region?: string } {
    const config = applyOverrides(readStackConfig(stack), overrides);
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(config)) {
        if (k.startsWith("hms:")) {
            values[k.slice(4)] = v;
        }
    }
    return { values, region: config["aws:region"] };
}

/** Parses a stack's configuration with overrides; throws what `parseConfig` throws. */
export function parseStack(stack: string, overrides: Record<string, unknown> = {}): HmsConfig {
    const { values, region } = stackValues(stack, overrides);
    return parseConfig("hms", values, region);
}

/** The problems the configuration of `stack` with `overrides` has; [] when it is valid. */
export function configProblems(stack: string, overrides: Record<string, unknown>): string[] {
    try {
        parseStack(stack, overrides);
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return e.problems;
    }
    return [];
}
