"use strict";
// Data stores cannot be deleted by accident: by `pulumi destroy`, by a change
// that replaces them, or from the console (HIPAA 164.312(c)(1) integrity,
// 164.308(a)(7)(ii)(A) data backup; LGPD art. 46).
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
exports.dataStoreDeletionProtection = void 0;
const aws = __importStar(require("@pulumi/aws"));
const compliance_1 = require("./lib/compliance");
const config_1 = require("./lib/config");
const types_1 = require("./lib/types");
const validate_1 = require("./lib/validate");
const values_1 = require("./lib/values");
const DATA_STORES = [
    aws.rds.Cluster,
    aws.rds.Instance,
    ...types_1.BUCKETS,
    aws.backup.Vault,
    aws.opensearch.Domain,
    aws.kms.Key,
];
exports.dataStoreDeletionProtection = {
    name: "data-store-deletion-protection",
    description: "Data stores (RDS clusters and instances, S3 buckets, backup vaults, OpenSearch domains, KMS keys, whose deletion " +
        "makes everything they encrypt unreadable) are protected: the `protect` resource option, plus the service's own " +
        "safeguards: RDS deletionProtection = true, skipFinalSnapshot not true and a finalSnapshotIdentifier; buckets and " +
        "vaults without forceDestroy. The pack cannot tell a stack's purpose from its resources, so the requirement is config: " +
        "requireDeletionProtection (default true) for every data store; with false (a development stack holding no patient " +
        "data) only resources marked `protect` are checked, so the service safeguards agree with the resource option.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Pass `protect: true` (HmsConfig.protectData) to the resource and set deletionProtection: true, skipFinalSnapshot: false, " +
        'finalSnapshotIdentifier: "<name>-final" on RDS; drop forceDestroy on buckets and vaults. For a stack without real data, ' +
        "run the pack with --policy-pack-config policies/config/development.json (requireDeletionProtection: false).",
    configSchema: {
        properties: {
            requireDeletionProtection: {
                type: "boolean",
                default: true,
                description: "Require protection of every data store (false: only resources with the protect option are checked).",
            },
        },
    },
    ...(0, compliance_1.compliance)("164.312(c)(1)", ["deletion-protection", "rds", "s3", "backup"], ["164.308(a)(7)(ii)(A)"]),
    validateResource: (0, validate_1.validateResourceOfTypes)(DATA_STORES, "data stores", (args, report) => {
        const { requireDeletionProtection } = (0, config_1.configWithDefaults)(exports.dataStoreDeletionProtection.configSchema, args.getConfig());
        const protectedByOption = args.opts.protect === true;
        if (!requireDeletionProtection && !protectedByOption) {
            return;
        }
        if (!protectedByOption) {
            report("the `protect` resource option is not set: `pulumi destroy` or a replacing change would delete this data store.");
        }
        const p = (0, values_1.plain)(args.props);
        if (args.isType(aws.rds.Cluster) || args.isType(aws.rds.Instance)) {
            if ((0, values_1.test)(p.deletionProtection, (v) => v === true) === false) {
                report("deletionProtection is not true: the database can be deleted from the console or API.");
            }
            const skip = (0, values_1.test)(p.skipFinalSnapshot, (v) => v === true);
            if (skip === true) {
                report("skipFinalSnapshot is true: deleting the database would leave no final snapshot.");
            }
            else if (skip === false &&
                !(0, values_1.isUnknown)(p.finalSnapshotIdentifier) &&
                (0, values_1.knownString)(p.finalSnapshotIdentifier) === undefined) {
                report("finalSnapshotIdentifier is not set: deleting the database fails instead of taking a final snapshot.");
            }
        }
        else if ((0, values_1.test)(p.forceDestroy, (v) => v === true) === true) {
            // Buckets and backup vaults: of the other data stores, opensearch.Domain and kms.Key have no
            // forceDestroy (@pulumi/aws 7.48.0), so no filter by type is needed.
            report("forceDestroy is true: deleting the resource would first delete every object or recovery point in it.");
        }
    }),
};
