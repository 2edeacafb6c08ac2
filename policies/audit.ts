// Audit controls: activity on the systems that hold patient data is
// recorded, protected and kept (HIPAA 164.312(b), LGPD art. 46).

import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { isCustomerManagedKey } from "./lib/validate";
import { isUnknown, knownString, plain, test } from "./lib/values";

export const cloudtrailIntegrity: ResourceValidationPolicy = {
    name: "cloudtrail-integrity",
    description:
        "CloudTrail trails log every region, are switched on, sign their log files (enableLogFileValidation, so tampering is " +
        "detectable) and encrypt them with a customer managed key (kmsKeyId).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Set isMultiRegionTrail: true, enableLogFileValidation: true, enableLogging: true (default) and kmsKeyId to the logs key on the aws.cloudtrail.Trail.",
    ...compliance("164.312(b)", ["audit", "cloudtrail"], ["164.312(c)(1)"]),
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (trail, args, report) => {
        const p = plain(trail);
        if (test(p.isMultiRegionTrail, (v) => v === true) === false) {
            report(
                "isMultiRegionTrail is not true: activity in other regions (where backups are copied) would not be recorded.",
            );
        }
        if (test(p.enableLogFileValidation, (v) => v === true) === false) {
            report("enableLogFileValidation is not true: altered or deleted log files could not be detected.");
        }
        if (test(p.enableLogging, (v) => v !== false) === false) {
            report("enableLogging is false: the trail records nothing.");
        }
        if (isCustomerManagedKey(p.kmsKeyId) === false) {
            report("kmsKeyId is not a customer managed key: log files would only get S3-managed encryption.");
        }
    }),
};

/** The CloudWatch Logs export that carries an engine's audit trail. */
export function auditLogExportFor(engine: string): string | undefined {
    // Stryker disable next-line Regex: the anchors only refuse names that are not rds.Cluster engines
    if (/^(aurora|aurora-mysql|mysql|mariadb)$/.test(engine)) {
        return "audit";
    }
    // Stryker disable next-line Regex: the anchors only refuse names that are not rds.Cluster engines
    if (/^(aurora-postgresql|postgres)$/.test(engine)) {
        return "postgresql";
    }
    return undefined;
}

export const databaseAuditLogs: ResourceValidationPolicy = {
    name: "database-audit-logs",
    description:
        'Aurora/RDS clusters publish their audit log to CloudWatch Logs (enabledCloudwatchLogsExports includes "audit" for ' +
        'the MySQL family, "postgresql" for PostgreSQL), where it is encrypted, retained and searchable for access reviews ' +
        "of patient records.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        'Add "audit" (and "error", "slowquery") to enabledCloudwatchLogsExports and turn the audit plugin on in the cluster ' +
        "parameter group (server_audit_logging = 1, server_audit_events = CONNECT,QUERY_DCL,QUERY_DDL,QUERY_DML).",
    ...compliance("164.312(b)", ["audit", "rds"]),
    validateResource: validateResourceOfType(aws.rds.Cluster, (cluster, args, report) => {
        const p = plain(cluster);
        const engine = knownString(p.engine);
        const wanted = engine ? auditLogExportFor(engine) : undefined;
        if (!wanted || isUnknown(p.enabledCloudwatchLogsExports)) {
            return;
        }
        // Stryker disable next-line ArrayDeclaration: a missing list and any list without the wanted export report alike
        const exports = p.enabledCloudwatchLogsExports ?? [];
        if (exports.some(isUnknown)) {
            return;
        }
        if (!exports.includes(wanted)) {
            report(
                `enabledCloudwatchLogsExports does not include "${wanted}": database access to patient records would not be audited.`,
            );
        }
    }),
};
