// Data stores cannot be deleted by accident: by `pulumi destroy`, by a change
// that replaces them, or from the console (HIPAA 164.312(c)(1) integrity,
// 164.308(a)(7)(ii)(A) data backup; LGPD art. 46).

import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { BUCKETS } from "./lib/types";
import { ResourceClass, validateResourceOfTypes } from "./lib/validate";
import { isUnknown, knownString, plain, test } from "./lib/values";

interface DeletionProtectionConfig {
    requireDeletionProtection: boolean;
}

const DATA_STORES: ResourceClass[] = [
    aws.rds.Cluster,
    aws.rds.Instance,
    ...BUCKETS,
    aws.backup.Vault,
    aws.opensearch.Domain,
    aws.kms.Key,
];

export const dataStoreDeletionProtection: ResourceValidationPolicy = {
    name: "data-store-deletion-protection",
    description:
        "Data stores (RDS clusters and instances, S3 buckets, backup vaults, OpenSearch domains, KMS keys, whose deletion " +
        "makes everything they encrypt unreadable) are protected: the `protect` resource option, plus the service's own " +
        "safeguards: RDS deletionProtection = true, skipFinalSnapshot not true and a finalSnapshotIdentifier; buckets and " +
        "vaults without forceDestroy. The pack cannot tell a stack's purpose from its resources, so the requirement is config: " +
        "requireDeletionProtection (default true) for every data store; with false (a development stack holding no patient " +
        "data) only resources marked `protect` are checked, so the service safeguards agree with the resource option.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Pass `protect: true` (HmsConfig.protectData) to the resource and set deletionProtection: true, skipFinalSnapshot: false, " +
        'finalSnapshotIdentifier: "<name>-final" on RDS; drop forceDestroy on buckets and vaults. For a stack without real data, ' +
        "run the pack with --policy-pack-config policies/config/development.json (requireDeletionProtection: false).",
    configSchema: {
        properties: {
            requireDeletionProtection: {
                type: "boolean",
                default: true,
                description:
                    "Require protection of every data store (false: only resources with the protect option are checked).",
            },
        },
    },
    ...compliance("164.312(c)(1)", ["deletion-protection", "rds", "s3", "backup"], ["164.308(a)(7)(ii)(A)"]),
    validateResource: validateResourceOfTypes(DATA_STORES, "data stores", (args, report) => {
        const { requireDeletionProtection } = configWithDefaults<DeletionProtectionConfig>(
            dataStoreDeletionProtection.configSchema!,
            args.getConfig<DeletionProtectionConfig>(),
        );
        const protectedByOption = args.opts.protect === true;
        if (!requireDeletionProtection && !protectedByOption) {
            return;
        }
        if (!protectedByOption) {
            report(
                "the `protect` resource option is not set: `pulumi destroy` or a replacing change would delete this data store.",
            );
        }
        const p = plain(args.props) as Record<string, unknown>;
        if (args.isType(aws.rds.Cluster) || args.isType(aws.rds.Instance)) {
            if (test(p.deletionProtection, (v) => v === true) === false) {
                report("deletionProtection is not true: the database can be deleted from the console or API.");
            }
            const skip = test(p.skipFinalSnapshot, (v) => v === true);
            if (skip === true) {
                report("skipFinalSnapshot is true: deleting the database would leave no final snapshot.");
            } else if (
                skip === false &&
                !isUnknown(p.finalSnapshotIdentifier) &&
                knownString(p.finalSnapshotIdentifier) === undefined
            ) {
                report(
                    "finalSnapshotIdentifier is not set: deleting the database fails instead of taking a final snapshot.",
                );
            }
        } else if (test(p.forceDestroy, (v) => v === true) === true) {
            // Buckets and backup vaults: of the other data stores, opensearch.Domain and kms.Key have no
            // forceDestroy (@pulumi/aws 7.48.0), so no filter by type is needed.
            report(
                "forceDestroy is true: deleting the resource would first delete every object or recovery point in it.",
            );
        }
    }),
};
