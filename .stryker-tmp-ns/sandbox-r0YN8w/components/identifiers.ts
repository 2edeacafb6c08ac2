// @ts-nocheck
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

// Physical names of AWS resources whose identifiers follow the RDS / ElastiCache
// rules: lower-case letters, digits and hyphens, starting with a letter, no two
// consecutive hyphens, not ending with a hyphen, and a service-specific length
// limit. Derived from component names, so a stack's resources are easy to find.

/**
 * Turns `base` (and optional suffix) into a valid identifier of at most
 * `maxLength` characters. The suffix is kept whole (the base is shortened
 * instead), so `-final` or `-1` survive truncation.
 */
export function awsIdentifier(base: string, maxLength: number, suffix = ""): string {
    const clean = (s: string) =>
        s
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, "-")
            .replace(/-{2,}/g, "-");
    const tail = suffix === "" ? "" : `-${clean(suffix).replace(/^-+|-+$/g, "")}`;
    let head = clean(base).replace(/^[^a-z]+/, "");
    head = head.slice(0, Math.max(0, maxLength - tail.length)).replace(/-+$/g, "");
    const id = `${head}${tail}`;
    if (!isAwsIdentifier(id, maxLength)) {
        throw new Error(
            `cannot derive a valid identifier (max ${maxLength} characters) from "${base}"${suffix ? ` and "${suffix}"` : ""}`,
        );
    }
    return id;
}

/** The identifier rules RDS (clusters, instances, snapshots) and ElastiCache (replication groups) share. */
export function isAwsIdentifier(id: string, maxLength: number): boolean {
    return (
        id.length >= 1 &&
        id.length <= maxLength &&
        /^[a-z][a-z0-9-]*$/.test(id) &&
        !id.includes("--") &&
        !id.endsWith("-")
    );
}

/**
 * A final snapshot identifier that is new for every incarnation of the data
 * store: `<base>-final-<8 random lower-case letters and digits>`. A fixed name
 * blocks deleting the store a second time (the first final snapshot holds the
 * name) and re-creating a stack after a destroy. The random part lives as long
 * as the resource it names (a child `random.RandomString`).
 */
export function finalSnapshotId(name: string, base: string, parent: pulumi.Resource): pulumi.Output<string> {
    const suffix = new random.RandomString(
        `${name}-final-snapshot-suffix`,
        { length: 8, upper: false, special: false },
        { parent },
    );
    const head = awsIdentifier(base, 255 - 9, "final");
    return pulumi.interpolate`${head}-${suffix.result}`;
}
