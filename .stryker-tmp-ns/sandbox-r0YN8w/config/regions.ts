// @ts-nocheck
// Which AWS services each tier needs, and the check that the configured
// regions offer them. The region lists come from the AWS SDK's endpoint model
// (config/service-regions.ts, generated from botocore's endpoints.json).

import { Problems } from "./reader";
import { ENDPOINT_MODEL_SOURCE, SERVICE_REGIONS } from "./service-regions";

/** Endpoint prefixes (botocore service keys) of the services a tier creates resources in, in aws:region. */
export const TIER_SERVICES: Readonly<Record<string, readonly string[]>> = {
    network: ["ec2", "logs"],
    edge: [],
    loadBalancer: ["ec2", "elasticloadbalancing", "secretsmanager", "monitoring"],
    app: ["ec2", "secretsmanager", "monitoring", "email"],
    websocket: ["ec2", "monitoring"],
    database: ["rds", "logs", "monitoring"],
    cache: ["elasticache", "logs", "secretsmanager", "monitoring"],
    storage: ["s3", "kms"],
    backup: ["backup", "sns", "events"],
    security: ["kms", "cloudtrail", "guardduty", "inspector2", "acm", "ec2", "logs", "secretsmanager"],
    monitoring: ["aps", "es", "osis", "sns", "monitoring", "logs", "lambda", "ec2", "secretsmanager"],
};

/** Services every stack uses in the DR region (backup copies, replicas, their keys). */
export const DR_SERVICES: readonly string[] = ["backup", "kms", "s3"];

/** The services (endpoint prefixes) that are not offered in `region`. */
export function servicesMissingIn(region: string, services: readonly string[]): string[] {
    return services.filter((s) => {
        const offered = SERVICE_REGIONS[s];
        if (offered === undefined) {
            throw new Error(
                `config/regions.ts: no region data for service "${s}"; add it to tools/generate-service-regions.ts and regenerate`,
            );
        }
        return offered !== "global" && !offered.includes(region);
    });
}

/**
 * Adds a problem for aws:region (and hms:drRegion) when a service the enabled
 * tiers need is not offered there.
 */
export function checkServiceRegions(
    problems: Problems,
    region: string,
    drRegion: string,
    tiers: Readonly<Record<string, boolean>>,
): void {
    const needed = [
        ...new Set(Object.entries(TIER_SERVICES).flatMap(([tier, services]) => (tiers[tier] ? services : []))),
    ];
    const missing = servicesMissingIn(region, needed);
    if (missing.length > 0) {
        const byTier = Object.entries(TIER_SERVICES)
            .filter(([tier, services]) => tiers[tier] && services.some((s) => missing.includes(s)))
            .map(([tier]) => tier);
        problems.add(
            "aws:region",
            region,
            `does not offer ${missing.join(", ")} (needed by the ${byTier.join(", ")} tiers; source: ${ENDPOINT_MODEL_SOURCE}); ` +
                "pick a region that offers them or switch those tiers off",
        );
    }
    if (drRegion !== "") {
        const drMissing = servicesMissingIn(drRegion, DR_SERVICES);
        if (drMissing.length > 0) {
            problems.add("hms:drRegion", drRegion, `does not offer ${drMissing.join(", ")} (${ENDPOINT_MODEL_SOURCE})`);
        }
    }
}
