"use strict";
// Audit controls: activity on the systems that hold patient data is
// recorded, protected and kept (HIPAA 164.312(b), LGPD art. 46).
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.databaseAuditLogs = exports.cloudtrailIntegrity = void 0;
exports.auditLogExportFor = auditLogExportFor;
const aws = __importStar(require("@pulumi/aws"));
const policy_1 = require("@pulumi/policy");
const compliance_1 = require("./lib/compliance");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
exports.cloudtrailIntegrity = {
    name: "cloudtrail-integrity",
    description: "CloudTrail trails log every region, are switched on, sign their log files (enableLogFileValidation, so tampering is " +
        "detectable) and encrypt them with a customer managed key (kmsKeyId).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set isMultiRegionTrail: true, enableLogFileValidation: true, enableLogging: true (default) and kmsKeyId to the logs key on the aws.cloudtrail.Trail.",
    ...(0, compliance_1.compliance)("164.312(b)", ["audit", "cloudtrail"], ["164.312(c)(1)"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.cloudtrail.Trail, (trail, args, report) => {
        const p = (0, values_1.plain)(trail);
        if ((0, values_1.test)(p.isMultiRegionTrail, (v) => v === true) === false) {
            report("isMultiRegionTrail is not true: activity in other regions (where backups are copied) would not be recorded.");
        }
        if ((0, values_1.test)(p.enableLogFileValidation, (v) => v === true) === false) {
            report("enableLogFileValidation is not true: altered or deleted log files could not be detected.");
        }
        if ((0, values_1.test)(p.enableLogging, (v) => v !== false) === false) {
            report("enableLogging is false: the trail records nothing.");
        }
        if ((0, validate_1.isCustomerManagedKey)(p.kmsKeyId) === false) {
            report("kmsKeyId is not a customer managed key: log files would only get S3-managed encryption.");
        }
    }),
};
/** The CloudWatch Logs export that carries an engine's audit trail. */
function auditLogExportFor(engine) {
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
exports.databaseAuditLogs = {
    name: "database-audit-logs",
    description: 'Aurora/RDS clusters publish their audit log to CloudWatch Logs (enabledCloudwatchLogsExports includes "audit" for ' +
        'the MySQL family, "postgresql" for PostgreSQL), where it is encrypted, retained and searchable for access reviews ' +
        "of patient records.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps: 'Add "audit" (and "error", "slowquery") to enabledCloudwatchLogsExports and turn the audit plugin on in the cluster ' +
        "parameter group (server_audit_logging = 1, server_audit_events = CONNECT,QUERY_DCL,QUERY_DDL,QUERY_DML).",
    ...(0, compliance_1.compliance)("164.312(b)", ["audit", "rds"]),
    validateResource: (0, policy_1.validateResourceOfType)(aws.rds.Cluster, (cluster, args, report) => {
        const p = (0, values_1.plain)(cluster);
        const engine = (0, values_1.knownString)(p.engine);
        const wanted = engine ? auditLogExportFor(engine) : undefined;
        if (!wanted || (0, values_1.isUnknown)(p.enabledCloudwatchLogsExports)) {
            return;
        }
        // Stryker disable next-line ArrayDeclaration: a missing list and any list without the wanted export report alike
        const exports = p.enabledCloudwatchLogsExports ?? [];
        if (exports.some(values_1.isUnknown)) {
            return;
        }
        if (!exports.includes(wanted)) {
            report(`enabledCloudwatchLogsExports does not include "${wanted}": database access to patient records would not be audited.`);
        }
    }),
};
