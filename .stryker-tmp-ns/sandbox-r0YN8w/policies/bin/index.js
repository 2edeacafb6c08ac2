// @ts-nocheck
"use strict";
// The hms-policies CrossGuard pack: HIPAA Security Rule and LGPD art. 46
// controls for the hospital management system. This module only builds the
// pack; the policies live in one module per concern.
//   pulumi preview --policy-pack policies [--policy-pack-config policies/config/development.json]
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
const policy_1 = require("@pulumi/policy");
const adminAccess = __importStar(require("./admin-access"));
const audit = __importStar(require("./audit"));
const auditEvidence = __importStar(require("./audit-evidence"));
const backup = __importStar(require("./backup"));
const compute = __importStar(require("./compute"));
const deletion = __importStar(require("./deletion-protection"));
const edgeCache = __importStar(require("./edge-cache"));
const encryption = __importStar(require("./encryption"));
const highAvailability = __importStar(require("./high-availability"));
const publicAccess = __importStar(require("./public-access"));
const recoveryPoint = __importStar(require("./recovery-point"));
const transport = __importStar(require("./transport"));
const waf = __importStar(require("./waf"));
new policy_1.PolicyPack("hms-policies", {
    description: "HIPAA Security Rule and LGPD art. 46 controls for the hospital management system (AWS and Cloudflare).",
    enforcementLevel: "mandatory",
    tags: ["hipaa", "lgpd", "aws", "cloudflare"],
    policies: [
        // transmission security
        transport.rdsParameterGroupRequiresTls,
        transport.rdsUsesCustomParameterGroup,
        transport.elasticacheTransitEncryption,
        transport.s3DenyInsecureTransport,
        transport.lbListenerTransport,
        transport.opensearchHttpsOnly,
        transport.cloudflareZoneTls,
        // web application firewall
        waf.cloudflareManagedWaf,
        waf.albWafAssociation,
        waf.noPublicWebPorts,
        // backups
        backup.backupPlanRetention,
        backup.databaseBackupRetention,
        backup.backupCoverage,
        backup.backupCrossRegionCopy,
        recoveryPoint.backupRecoveryPoint,
        // encryption at rest
        encryption.rdsEncryptionAtRest,
        encryption.elasticacheEncryptionAtRest,
        encryption.s3EncryptionAtRest,
        encryption.ebsEncryption,
        encryption.opensearchEncryptionAtRest,
        encryption.logGroupEncryption,
        encryption.snsTopicEncryption,
        encryption.secretEncryption,
        encryption.backupVaultEncryption,
        encryption.kmsKeyRotation,
        // access from the internet
        publicAccess.s3PublicAccessBlock,
        publicAccess.noPublicAdminPorts,
        publicAccess.databaseNotPublic,
        adminAccess.adminAccessThroughVpn,
        adminAccess.noPublicDataPorts,
        // deletion protection
        deletion.dataStoreDeletionProtection,
        // servers
        highAvailability.highAvailability,
        compute.ec2Imdsv2,
        compute.osStandardSupport,
        // audit
        audit.cloudtrailIntegrity,
        audit.databaseAuditLogs,
        auditEvidence.auditEvidenceLocked,
        // clinical files
        edgeCache.clinicalFilesNotCached,
    ],
});
