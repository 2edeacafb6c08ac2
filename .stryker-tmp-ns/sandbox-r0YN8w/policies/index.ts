// @ts-nocheck
// The hms-policies CrossGuard pack: HIPAA Security Rule and LGPD art. 46
// controls for the hospital management system. This module only builds the
// pack; the policies live in one module per concern.
//   pulumi preview --policy-pack policies [--policy-pack-config policies/config/development.json]
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
new PolicyPack(stryMutAct_9fa48("2078") ? "" : (stryCov_9fa48("2078"), "hms-policies"), stryMutAct_9fa48("2079") ? {} : (stryCov_9fa48("2079"), {
  description: stryMutAct_9fa48("2080") ? "" : (stryCov_9fa48("2080"), "HIPAA Security Rule and LGPD art. 46 controls for the hospital management system (AWS and Cloudflare)."),
  enforcementLevel: stryMutAct_9fa48("2081") ? "" : (stryCov_9fa48("2081"), "mandatory"),
  tags: stryMutAct_9fa48("2082") ? [] : (stryCov_9fa48("2082"), [stryMutAct_9fa48("2083") ? "" : (stryCov_9fa48("2083"), "hipaa"), stryMutAct_9fa48("2084") ? "" : (stryCov_9fa48("2084"), "lgpd"), stryMutAct_9fa48("2085") ? "" : (stryCov_9fa48("2085"), "aws"), stryMutAct_9fa48("2086") ? "" : (stryCov_9fa48("2086"), "cloudflare")]),
  policies: stryMutAct_9fa48("2087") ? [] : (stryCov_9fa48("2087"), [
  // transmission security
  transport.rdsParameterGroupRequiresTls, transport.rdsUsesCustomParameterGroup, transport.elasticacheTransitEncryption, transport.s3DenyInsecureTransport, transport.lbListenerTransport, transport.opensearchHttpsOnly, transport.cloudflareZoneTls,
  // web application firewall
  waf.cloudflareManagedWaf, waf.albWafAssociation, waf.noPublicWebPorts,
  // backups
  backup.backupPlanRetention, backup.databaseBackupRetention, backup.backupCoverage, backup.backupCrossRegionCopy, recoveryPoint.backupRecoveryPoint,
  // encryption at rest
  encryption.rdsEncryptionAtRest, encryption.elasticacheEncryptionAtRest, encryption.s3EncryptionAtRest, encryption.ebsEncryption, encryption.opensearchEncryptionAtRest, encryption.logGroupEncryption, encryption.snsTopicEncryption, encryption.secretEncryption, encryption.backupVaultEncryption, encryption.kmsKeyRotation,
  // access from the internet
  publicAccess.s3PublicAccessBlock, publicAccess.noPublicAdminPorts, publicAccess.databaseNotPublic, adminAccess.adminAccessThroughVpn, adminAccess.noPublicDataPorts,
  // deletion protection
  deletion.dataStoreDeletionProtection,
  // servers
  highAvailability.highAvailability, compute.ec2Imdsv2, compute.osStandardSupport,
  // audit
  audit.cloudtrailIntegrity, audit.databaseAuditLogs, auditEvidence.auditEvidenceLocked,
  // clinical files
  edgeCache.clinicalFilesNotCached])
}));