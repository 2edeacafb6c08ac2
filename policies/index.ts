// The hms-policies CrossGuard pack: HIPAA Security Rule and LGPD art. 46
// controls for the hospital management system. This module only builds the
// pack; the policies live in one module per concern.
//   pulumi preview --policy-pack policies [--policy-pack-config policies/config/development.json]

import { PolicyPack } from "@pulumi/policy";
import * as adminAccess from "./admin-access";
import * as audit from "./audit";
import * as auditEvidence from "./audit-evidence";
import * as backup from "./backup";
import * as compute from "./compute";
import * as deletion from "./deletion-protection";
import * as edgeCache from "./edge-cache";
import * as encryption from "./encryption";
import * as highAvailability from "./high-availability";
import * as publicAccess from "./public-access";
import * as recoveryPoint from "./recovery-point";
import * as transport from "./transport";
import * as waf from "./waf";

new PolicyPack("hms-policies", {
    description:
        "HIPAA Security Rule and LGPD art. 46 controls for the hospital management system (AWS and Cloudflare).",
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
