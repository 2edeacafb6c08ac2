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
        throw new Error(`cannot derive a valid identifier (max ${maxLength} characters) from "${base}"${suffix ? ` and "${suffix}"` : ""}`);
    }
    return id;
}

/** The identifier rules RDS (clusters, instances, snapshots) and ElastiCache (replication groups) share. */
export function isAwsIdentifier(id: string, maxLength: number): boolean {
    return id.length >= 1 && id.length <= maxLength && /^[a-z][a-z0-9-]*$/.test(id) && !id.includes("--") && !id.endsWith("-");
}
