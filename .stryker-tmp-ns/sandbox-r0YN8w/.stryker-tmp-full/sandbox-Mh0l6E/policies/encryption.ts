// @ts-nocheck
// 
// Encryption at rest with customer managed KMS keys (HIPAA 164.312(a)(2)(iv),
// LGPD art. 46). A customer managed key (not an AWS managed `alias/aws/...`
// key) lets the hospital control and audit who can decrypt, rotate the key
// and revoke access; every use is logged in CloudTrail.
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
import * as aws from "@pulumi/aws";
import { PolicyResource, ResourceValidationPolicy, Severity, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { bucketIdentities, propsOf, refersTo } from "./lib/resources";
import { BUCKET_ENCRYPTION, BUCKET_LOGGING, BUCKETS } from "./lib/types";
import { isAnyOf, isCustomerManagedKey, ResourceClass, validateResourceOfTypes } from "./lib/validate";
import { any, asArray, isObject, isUnknown, knownString, plain, test, Tri } from "./lib/values";
const CMK_HINT = stryMutAct_9fa48("1424") ? "" : (stryCov_9fa48("1424"), "a customer managed key (aws.kms.Key ARN) from the Keys component");
export const rdsEncryptionAtRest: ResourceValidationPolicy = stryMutAct_9fa48("1425") ? {} : (stryCov_9fa48("1425"), {
  name: stryMutAct_9fa48("1426") ? "" : (stryCov_9fa48("1426"), "rds-encryption-at-rest"),
  description: (stryMutAct_9fa48("1427") ? "" : (stryCov_9fa48("1427"), "RDS/Aurora clusters and RDS instances encrypt storage with a customer managed key (storageEncrypted = true and ")) + (stryMutAct_9fa48("1428") ? "" : (stryCov_9fa48("1428"), "kmsKeyId), and so do the master user secret RDS manages (masterUserSecretKmsKeyId) and Performance Insights data ")) + (stryMutAct_9fa48("1429") ? "" : (stryCov_9fa48("1429"), "(performanceInsightsKmsKeyId) when enabled. Read replicas inherit their source's encryption and are not checked.")),
  enforcementLevel: stryMutAct_9fa48("1430") ? "" : (stryCov_9fa48("1430"), "mandatory"),
  severity: stryMutAct_9fa48("1431") ? "" : (stryCov_9fa48("1431"), "high"),
  remediationSteps: (stryMutAct_9fa48("1432") ? `` : (stryCov_9fa48("1432"), `Set storageEncrypted: true and kmsKeyId to ${CMK_HINT}; with manageMasterUserPassword also masterUserSecretKmsKeyId, `)) + (stryMutAct_9fa48("1433") ? "" : (stryCov_9fa48("1433"), "with performanceInsightsEnabled also performanceInsightsKmsKeyId. Encryption of an existing database needs a snapshot restore.")),
  ...compliance(stryMutAct_9fa48("1434") ? "" : (stryCov_9fa48("1434"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1435") ? [] : (stryCov_9fa48("1435"), [stryMutAct_9fa48("1436") ? "" : (stryCov_9fa48("1436"), "encryption"), stryMutAct_9fa48("1437") ? "" : (stryCov_9fa48("1437"), "kms"), stryMutAct_9fa48("1438") ? "" : (stryCov_9fa48("1438"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("1439") ? [] : (stryCov_9fa48("1439"), [aws.rds.Cluster, aws.rds.Instance]), stryMutAct_9fa48("1440") ? "" : (stryCov_9fa48("1440"), "RDS clusters and instances"), (args, report) => {
    if (stryMutAct_9fa48("1441")) {
      {}
    } else {
      stryCov_9fa48("1441");
      const p = plain((args.asType(aws.rds.Cluster) ?? args.asType(aws.rds.Instance))!) as Record<string, unknown>;
      if (stryMutAct_9fa48("1443") ? false : stryMutAct_9fa48("1442") ? true : (stryCov_9fa48("1442", "1443"), knownString(p.replicateSourceDb))) {
        if (stryMutAct_9fa48("1444")) {
          {}
        } else {
          stryCov_9fa48("1444");
          args.notApplicable(stryMutAct_9fa48("1446") ? "" : (stryCov_9fa48("1446"), "read replica: encrypted like its source"));
        }
      }
      if (stryMutAct_9fa48("1449") ? test(p.storageEncrypted, v => v === true) !== false : stryMutAct_9fa48("1448") ? false : stryMutAct_9fa48("1447") ? true : (stryCov_9fa48("1447", "1448", "1449"), test(p.storageEncrypted, stryMutAct_9fa48("1450") ? () => undefined : (stryCov_9fa48("1450"), v => stryMutAct_9fa48("1453") ? v !== true : stryMutAct_9fa48("1452") ? false : stryMutAct_9fa48("1451") ? true : (stryCov_9fa48("1451", "1452", "1453"), v === (stryMutAct_9fa48("1454") ? false : (stryCov_9fa48("1454"), true))))) === (stryMutAct_9fa48("1455") ? true : (stryCov_9fa48("1455"), false)))) {
        if (stryMutAct_9fa48("1456")) {
          {}
        } else {
          stryCov_9fa48("1456");
          report(stryMutAct_9fa48("1458") ? "" : (stryCov_9fa48("1458"), "storageEncrypted is not true: the database's storage, snapshots and backups would be unencrypted."));
        }
      }
      if (stryMutAct_9fa48("1461") ? isCustomerManagedKey(p.kmsKeyId) !== false : stryMutAct_9fa48("1460") ? false : stryMutAct_9fa48("1459") ? true : (stryCov_9fa48("1459", "1460", "1461"), isCustomerManagedKey(p.kmsKeyId) === (stryMutAct_9fa48("1462") ? true : (stryCov_9fa48("1462"), false)))) {
        if (stryMutAct_9fa48("1463")) {
          {}
        } else {
          stryCov_9fa48("1463");
          report(stryMutAct_9fa48("1465") ? `` : (stryCov_9fa48("1465"), `kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`));
        }
      }
      if (stryMutAct_9fa48("1468") ? p.manageMasterUserPassword === true || isCustomerManagedKey(p.masterUserSecretKmsKeyId) === false : stryMutAct_9fa48("1467") ? false : stryMutAct_9fa48("1466") ? true : (stryCov_9fa48("1466", "1467", "1468"), (stryMutAct_9fa48("1470") ? p.manageMasterUserPassword !== true : stryMutAct_9fa48("1469") ? true : (stryCov_9fa48("1469", "1470"), p.manageMasterUserPassword === (stryMutAct_9fa48("1471") ? false : (stryCov_9fa48("1471"), true)))) && (stryMutAct_9fa48("1473") ? isCustomerManagedKey(p.masterUserSecretKmsKeyId) !== false : stryMutAct_9fa48("1472") ? true : (stryCov_9fa48("1472", "1473"), isCustomerManagedKey(p.masterUserSecretKmsKeyId) === (stryMutAct_9fa48("1474") ? true : (stryCov_9fa48("1474"), false)))))) {
        if (stryMutAct_9fa48("1475")) {
          {}
        } else {
          stryCov_9fa48("1475");
          report(stryMutAct_9fa48("1477") ? `` : (stryCov_9fa48("1477"), `masterUserSecretKmsKeyId ${describeKey(p.masterUserSecretKmsKeyId)}: the managed master password secret would use the AWS managed key.`));
        }
      }
      if (stryMutAct_9fa48("1480") ? p.performanceInsightsEnabled === true || isCustomerManagedKey(p.performanceInsightsKmsKeyId) === false : stryMutAct_9fa48("1479") ? false : stryMutAct_9fa48("1478") ? true : (stryCov_9fa48("1478", "1479", "1480"), (stryMutAct_9fa48("1482") ? p.performanceInsightsEnabled !== true : stryMutAct_9fa48("1481") ? true : (stryCov_9fa48("1481", "1482"), p.performanceInsightsEnabled === (stryMutAct_9fa48("1483") ? false : (stryCov_9fa48("1483"), true)))) && (stryMutAct_9fa48("1485") ? isCustomerManagedKey(p.performanceInsightsKmsKeyId) !== false : stryMutAct_9fa48("1484") ? true : (stryCov_9fa48("1484", "1485"), isCustomerManagedKey(p.performanceInsightsKmsKeyId) === (stryMutAct_9fa48("1486") ? true : (stryCov_9fa48("1486"), false)))))) {
        if (stryMutAct_9fa48("1487")) {
          {}
        } else {
          stryCov_9fa48("1487");
          report(stryMutAct_9fa48("1489") ? `` : (stryCov_9fa48("1489"), `performanceInsightsKmsKeyId ${describeKey(p.performanceInsightsKmsKeyId)}: Performance Insights keeps query text, which can contain patient data.`));
        }
      }
    }
  })
});
function describeKey(v: unknown): string {
  if (stryMutAct_9fa48("1490")) {
    {}
  } else {
    stryCov_9fa48("1490");
    return (stryMutAct_9fa48("1493") ? (v === undefined || v === null) && v === "" : stryMutAct_9fa48("1492") ? false : stryMutAct_9fa48("1491") ? true : (stryCov_9fa48("1491", "1492", "1493"), (stryMutAct_9fa48("1495") ? v === undefined && v === null : stryMutAct_9fa48("1494") ? false : (stryCov_9fa48("1494", "1495"), (stryMutAct_9fa48("1497") ? v !== undefined : stryMutAct_9fa48("1496") ? false : (stryCov_9fa48("1496", "1497"), v === undefined)) || (stryMutAct_9fa48("1499") ? v !== null : stryMutAct_9fa48("1498") ? false : (stryCov_9fa48("1498", "1499"), v === null)))) || (stryMutAct_9fa48("1501") ? v !== "" : stryMutAct_9fa48("1500") ? false : (stryCov_9fa48("1500", "1501"), v === (stryMutAct_9fa48("1502") ? "Stryker was here!" : (stryCov_9fa48("1502"), "")))))) ? stryMutAct_9fa48("1503") ? "" : (stryCov_9fa48("1503"), "is not set (AWS managed key)") : stryMutAct_9fa48("1504") ? `` : (stryCov_9fa48("1504"), `is "${String(v)}", an AWS managed key`);
  }
}
export const elasticacheEncryptionAtRest: ResourceValidationPolicy = stryMutAct_9fa48("1505") ? {} : (stryCov_9fa48("1505"), {
  name: stryMutAct_9fa48("1506") ? "" : (stryCov_9fa48("1506"), "elasticache-encryption-at-rest"),
  description: (stryMutAct_9fa48("1507") ? "" : (stryCov_9fa48("1507"), "ElastiCache replication groups encrypt data at rest (nodes, swap, snapshots) with a customer managed key: ")) + (stryMutAct_9fa48("1508") ? "" : (stryCov_9fa48("1508"), "atRestEncryptionEnabled = true and kmsKeyId set.")),
  enforcementLevel: stryMutAct_9fa48("1509") ? "" : (stryCov_9fa48("1509"), "mandatory"),
  severity: stryMutAct_9fa48("1510") ? "" : (stryCov_9fa48("1510"), "high"),
  remediationSteps: stryMutAct_9fa48("1511") ? `` : (stryCov_9fa48("1511"), `Set atRestEncryptionEnabled: true and kmsKeyId to ${CMK_HINT} (changing either replaces the group).`),
  ...compliance(stryMutAct_9fa48("1512") ? "" : (stryCov_9fa48("1512"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1513") ? [] : (stryCov_9fa48("1513"), [stryMutAct_9fa48("1514") ? "" : (stryCov_9fa48("1514"), "encryption"), stryMutAct_9fa48("1515") ? "" : (stryCov_9fa48("1515"), "kms"), stryMutAct_9fa48("1516") ? "" : (stryCov_9fa48("1516"), "elasticache")])),
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, report) => {
    if (stryMutAct_9fa48("1517")) {
      {}
    } else {
      stryCov_9fa48("1517");
      const p = plain(rg);
      if (stryMutAct_9fa48("1520") ? test(p.atRestEncryptionEnabled, v => v === true) !== false : stryMutAct_9fa48("1519") ? false : stryMutAct_9fa48("1518") ? true : (stryCov_9fa48("1518", "1519", "1520"), test(p.atRestEncryptionEnabled, stryMutAct_9fa48("1521") ? () => undefined : (stryCov_9fa48("1521"), v => stryMutAct_9fa48("1524") ? v !== true : stryMutAct_9fa48("1523") ? false : stryMutAct_9fa48("1522") ? true : (stryCov_9fa48("1522", "1523", "1524"), v === (stryMutAct_9fa48("1525") ? false : (stryCov_9fa48("1525"), true))))) === (stryMutAct_9fa48("1526") ? true : (stryCov_9fa48("1526"), false)))) {
        if (stryMutAct_9fa48("1527")) {
          {}
        } else {
          stryCov_9fa48("1527");
          report(stryMutAct_9fa48("1529") ? "" : (stryCov_9fa48("1529"), "atRestEncryptionEnabled is not true: cached sessions and pages would be stored unencrypted."));
        }
      }
      if (stryMutAct_9fa48("1532") ? isCustomerManagedKey(p.kmsKeyId) !== false : stryMutAct_9fa48("1531") ? false : stryMutAct_9fa48("1530") ? true : (stryCov_9fa48("1530", "1531", "1532"), isCustomerManagedKey(p.kmsKeyId) === (stryMutAct_9fa48("1533") ? true : (stryCov_9fa48("1533"), false)))) {
        if (stryMutAct_9fa48("1534")) {
          {}
        } else {
          stryCov_9fa48("1534");
          report(stryMutAct_9fa48("1536") ? `` : (stryCov_9fa48("1536"), `kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`));
        }
      }
    }
  })
});

/** The default-encryption rules of an encryption configuration (`rules` list, or the deprecated inline `rule`). */
function encryptionDefaults(config: unknown): unknown[] | undefined {
  if (stryMutAct_9fa48("1537")) {
    {}
  } else {
    stryCov_9fa48("1537");
    if (stryMutAct_9fa48("1539") ? false : stryMutAct_9fa48("1538") ? true : (stryCov_9fa48("1538", "1539"), isUnknown(config))) {
      if (stryMutAct_9fa48("1540")) {
        {}
      } else {
        stryCov_9fa48("1540");
        return undefined;
      }
    }
    const c = (config ?? {}) as {
      rules?: unknown;
      rule?: unknown;
    };
    // An unknown list (the sentinel) is one unknown rule.
    const rules = stryMutAct_9fa48("1541") ? c.rules && c.rule : (stryCov_9fa48("1541"), c.rules ?? c.rule);
    return asArray(rules).map(stryMutAct_9fa48("1542") ? () => undefined : (stryCov_9fa48("1542"), r => isUnknown(r) ? r : stryMutAct_9fa48("1543") ? (r as {
      applyServerSideEncryptionByDefault?: unknown;
    } | undefined).applyServerSideEncryptionByDefault : (stryCov_9fa48("1543"), (r as {
      applyServerSideEncryptionByDefault?: unknown;
    } | undefined)?.applyServerSideEncryptionByDefault)));
  }
}

/** Whether a default-encryption block uses SSE-KMS with a customer managed key (or, if `s3Ok`, at least SSE-S3). */
function encryptsWithCmk(byDefault: unknown, s3Ok: boolean): Tri {
  if (stryMutAct_9fa48("1544")) {
    {}
  } else {
    stryCov_9fa48("1544");
    if (stryMutAct_9fa48("1546") ? false : stryMutAct_9fa48("1545") ? true : (stryCov_9fa48("1545", "1546"), isUnknown(byDefault))) {
      if (stryMutAct_9fa48("1547")) {
        {}
      } else {
        stryCov_9fa48("1547");
        return undefined;
      }
    }
    const d = (byDefault ?? {}) as {
      sseAlgorithm?: unknown;
      kmsMasterKeyId?: unknown;
    };
    if (stryMutAct_9fa48("1549") ? false : stryMutAct_9fa48("1548") ? true : (stryCov_9fa48("1548", "1549"), isUnknown(d.sseAlgorithm))) {
      if (stryMutAct_9fa48("1550")) {
        {}
      } else {
        stryCov_9fa48("1550");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("1553") ? d.sseAlgorithm === "aws:kms" && d.sseAlgorithm === "aws:kms:dsse" : stryMutAct_9fa48("1552") ? false : stryMutAct_9fa48("1551") ? true : (stryCov_9fa48("1551", "1552", "1553"), (stryMutAct_9fa48("1555") ? d.sseAlgorithm !== "aws:kms" : stryMutAct_9fa48("1554") ? false : (stryCov_9fa48("1554", "1555"), d.sseAlgorithm === (stryMutAct_9fa48("1556") ? "" : (stryCov_9fa48("1556"), "aws:kms")))) || (stryMutAct_9fa48("1558") ? d.sseAlgorithm !== "aws:kms:dsse" : stryMutAct_9fa48("1557") ? false : (stryCov_9fa48("1557", "1558"), d.sseAlgorithm === (stryMutAct_9fa48("1559") ? "" : (stryCov_9fa48("1559"), "aws:kms:dsse")))))) {
      if (stryMutAct_9fa48("1560")) {
        {}
      } else {
        stryCov_9fa48("1560");
        return isCustomerManagedKey(d.kmsMasterKeyId);
      }
    }
    return stryMutAct_9fa48("1563") ? s3Ok || d.sseAlgorithm === "AES256" : stryMutAct_9fa48("1562") ? false : stryMutAct_9fa48("1561") ? true : (stryCov_9fa48("1561", "1562", "1563"), s3Ok && (stryMutAct_9fa48("1565") ? d.sseAlgorithm !== "AES256" : stryMutAct_9fa48("1564") ? true : (stryCov_9fa48("1564", "1565"), d.sseAlgorithm === (stryMutAct_9fa48("1566") ? "" : (stryCov_9fa48("1566"), "AES256")))));
  }
}

/** Whether a bucket receives S3 server access logs (the only buckets that may use SSE-S3). */
function isAccessLogTarget(bucket: PolicyResource, resources: PolicyResource[]): Tri {
  if (stryMutAct_9fa48("1567")) {
    {}
  } else {
    stryCov_9fa48("1567");
    const ids = bucketIdentities(bucket);
    return any(
    // Stryker disable next-line MethodExpression: no other resource type has a top-level targetBucket, which refersTo reads
    resources.filter(stryMutAct_9fa48("1569") ? () => undefined : (stryCov_9fa48("1569"), r => isAnyOf(r, BUCKET_LOGGING))).map(stryMutAct_9fa48("1570") ? () => undefined : (stryCov_9fa48("1570"), r => refersTo(r, stryMutAct_9fa48("1571") ? "" : (stryCov_9fa48("1571"), "targetBucket"), bucket, ids))));
  }
}
export const s3EncryptionAtRest: StackValidationPolicy = stryMutAct_9fa48("1572") ? {} : (stryCov_9fa48("1572"), {
  name: stryMutAct_9fa48("1573") ? "" : (stryCov_9fa48("1573"), "s3-encryption-at-rest"),
  description: (stryMutAct_9fa48("1574") ? "" : (stryCov_9fa48("1574"), "Every S3 bucket encrypts new objects by default with SSE-KMS (aws:kms or aws:kms:dsse) and a customer managed key, ")) + (stryMutAct_9fa48("1575") ? "" : (stryCov_9fa48("1575"), "through an aws.s3.BucketServerSideEncryptionConfiguration. Exception: buckets that receive S3 server access logs ")) + (stryMutAct_9fa48("1576") ? "" : (stryCov_9fa48("1576"), "(target of a BucketLogging) may use SSE-S3 (AES256), the only encryption S3 log delivery supports.")),
  enforcementLevel: stryMutAct_9fa48("1577") ? "" : (stryCov_9fa48("1577"), "mandatory"),
  severity: stryMutAct_9fa48("1578") ? "" : (stryCov_9fa48("1578"), "high"),
  remediationSteps: (stryMutAct_9fa48("1579") ? "" : (stryCov_9fa48("1579"), "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with rules: [{ applyServerSideEncryptionByDefault: ")) + (stryMutAct_9fa48("1580") ? `` : (stryCov_9fa48("1580"), `{ sseAlgorithm: "aws:kms", kmsMasterKeyId: <${CMK_HINT}> }, bucketKeyEnabled: true }].`)),
  ...compliance(stryMutAct_9fa48("1581") ? "" : (stryCov_9fa48("1581"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1582") ? [] : (stryCov_9fa48("1582"), [stryMutAct_9fa48("1583") ? "" : (stryCov_9fa48("1583"), "encryption"), stryMutAct_9fa48("1584") ? "" : (stryCov_9fa48("1584"), "kms"), stryMutAct_9fa48("1585") ? "" : (stryCov_9fa48("1585"), "s3")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("1586")) {
      {}
    } else {
      stryCov_9fa48("1586");
      const buckets = stryMutAct_9fa48("1587") ? args.resources : (stryCov_9fa48("1587"), args.resources.filter(stryMutAct_9fa48("1588") ? () => undefined : (stryCov_9fa48("1588"), r => isAnyOf(r, BUCKETS))));
      if (stryMutAct_9fa48("1591") ? buckets.length !== 0 : stryMutAct_9fa48("1590") ? false : stryMutAct_9fa48("1589") ? true : (stryCov_9fa48("1589", "1590", "1591"), buckets.length === 0)) {
        if (stryMutAct_9fa48("1592")) {
          {}
        } else {
          stryCov_9fa48("1592");
          args.notApplicable(stryMutAct_9fa48("1594") ? "" : (stryCov_9fa48("1594"), "no S3 buckets in the stack"));
        }
      }
      const configs = stryMutAct_9fa48("1595") ? args.resources : (stryCov_9fa48("1595"), args.resources.filter(stryMutAct_9fa48("1596") ? () => undefined : (stryCov_9fa48("1596"), r => isAnyOf(r, BUCKET_ENCRYPTION))));
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("1597")) {
          {}
        } else {
          stryCov_9fa48("1597");
          const logTarget = isAccessLogTarget(bucket, args.resources);
          const verdict = (s3Ok: boolean): {
            ok: Tri;
            count: number;
          } => {
            if (stryMutAct_9fa48("1598")) {
              {}
            } else {
              stryCov_9fa48("1598");
              const verdicts: Tri[] = stryMutAct_9fa48("1599") ? ["Stryker was here"] : (stryCov_9fa48("1599"), []);
              const inline = propsOf(bucket).serverSideEncryptionConfiguration;
              if (stryMutAct_9fa48("1602") ? inline !== undefined || inline !== null : stryMutAct_9fa48("1601") ? false : stryMutAct_9fa48("1600") ? true : (stryCov_9fa48("1600", "1601", "1602"), (stryMutAct_9fa48("1604") ? inline === undefined : stryMutAct_9fa48("1603") ? true : (stryCov_9fa48("1603", "1604"), inline !== undefined)) && (stryMutAct_9fa48("1606") ? inline === null : stryMutAct_9fa48("1605") ? true : (stryCov_9fa48("1605", "1606"), inline !== null)))) {
                if (stryMutAct_9fa48("1607")) {
                  {}
                } else {
                  stryCov_9fa48("1607");
                  if (stryMutAct_9fa48("1608")) {
                    ;
                  } else {
                    stryCov_9fa48("1608");
                    verdicts.push(defaultsVerdict(encryptionDefaults(inline), s3Ok));
                  }
                }
              }
              for (const config of configs) {
                if (stryMutAct_9fa48("1609")) {
                  {}
                } else {
                  stryCov_9fa48("1609");
                  // Another bucket's configuration (linked === false) counts neither way.
                  const linked = refersTo(config, stryMutAct_9fa48("1610") ? "" : (stryCov_9fa48("1610"), "bucket"), bucket, bucketIdentities(bucket));
                  const v = defaultsVerdict(encryptionDefaults(propsOf(config)), s3Ok);
                  if (stryMutAct_9fa48("1613") ? linked !== true : stryMutAct_9fa48("1612") ? false : stryMutAct_9fa48("1611") ? true : (stryCov_9fa48("1611", "1612", "1613"), linked === (stryMutAct_9fa48("1614") ? false : (stryCov_9fa48("1614"), true)))) {
                    if (stryMutAct_9fa48("1615")) {
                      {}
                    } else {
                      stryCov_9fa48("1615");
                      if (stryMutAct_9fa48("1616")) {
                        ;
                      } else {
                        stryCov_9fa48("1616");
                        verdicts.push(v);
                      }
                    }
                  } else if (stryMutAct_9fa48("1619") ? linked === undefined || v !== false : stryMutAct_9fa48("1618") ? false : stryMutAct_9fa48("1617") ? true : (stryCov_9fa48("1617", "1618", "1619"), (stryMutAct_9fa48("1621") ? linked !== undefined : stryMutAct_9fa48("1620") ? true : (stryCov_9fa48("1620", "1621"), linked === undefined)) && (stryMutAct_9fa48("1623") ? v === false : stryMutAct_9fa48("1622") ? true : (stryCov_9fa48("1622", "1623"), v !== (stryMutAct_9fa48("1624") ? true : (stryCov_9fa48("1624"), false)))))) {
                    if (stryMutAct_9fa48("1625")) {
                      {}
                    } else {
                      stryCov_9fa48("1625");
                      if (stryMutAct_9fa48("1626")) {
                        ;
                      } else {
                        stryCov_9fa48("1626");
                        verdicts.push(undefined);
                      } // may be this bucket's configuration, and may comply
                    }
                  }
                }
              }
              return stryMutAct_9fa48("1627") ? {} : (stryCov_9fa48("1627"), {
                ok: any(verdicts),
                count: verdicts.length
              });
            }
          };
          // A bucket that may be a log target only fails when even SSE-S3 is missing.
          const {
            ok,
            count
          } = verdict(stryMutAct_9fa48("1630") ? logTarget === false : stryMutAct_9fa48("1629") ? false : stryMutAct_9fa48("1628") ? true : (stryCov_9fa48("1628", "1629", "1630"), logTarget !== (stryMutAct_9fa48("1631") ? true : (stryCov_9fa48("1631"), false))));
          if (stryMutAct_9fa48("1634") ? ok !== false : stryMutAct_9fa48("1633") ? false : stryMutAct_9fa48("1632") ? true : (stryCov_9fa48("1632", "1633", "1634"), ok === (stryMutAct_9fa48("1635") ? true : (stryCov_9fa48("1635"), false)))) {
            if (stryMutAct_9fa48("1636")) {
              {}
            } else {
              stryCov_9fa48("1636");
              report((stryMutAct_9fa48("1640") ? count !== 0 : stryMutAct_9fa48("1639") ? false : stryMutAct_9fa48("1638") ? true : (stryCov_9fa48("1638", "1639", "1640"), count === 0)) ? stryMutAct_9fa48("1641") ? `` : (stryCov_9fa48("1641"), `bucket ${bucket.name} has no default encryption configuration.`) : (stryMutAct_9fa48("1644") ? logTarget !== true : stryMutAct_9fa48("1643") ? false : stryMutAct_9fa48("1642") ? true : (stryCov_9fa48("1642", "1643", "1644"), logTarget === (stryMutAct_9fa48("1645") ? false : (stryCov_9fa48("1645"), true)))) ? stryMutAct_9fa48("1646") ? `` : (stryCov_9fa48("1646"), `access-log bucket ${bucket.name} has no default encryption (SSE-S3 or SSE-KMS).`) : stryMutAct_9fa48("1647") ? `` : (stryCov_9fa48("1647"), `bucket ${bucket.name} does not encrypt with SSE-KMS and a customer managed key by default.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});
function defaultsVerdict(defaults: unknown[] | undefined, s3Ok: boolean): Tri {
  if (stryMutAct_9fa48("1648")) {
    {}
  } else {
    stryCov_9fa48("1648");
    return (stryMutAct_9fa48("1651") ? defaults !== undefined : stryMutAct_9fa48("1650") ? false : stryMutAct_9fa48("1649") ? true : (stryCov_9fa48("1649", "1650", "1651"), defaults === undefined)) ? undefined : any(defaults.map(stryMutAct_9fa48("1652") ? () => undefined : (stryCov_9fa48("1652"), d => encryptsWithCmk(d, s3Ok))));
  }
}

/** One EBS volume definition: encrypted (boolean, or "true" in launch templates) with a customer managed key. */
function volumeProblems(volume: unknown, label: string): string[] {
  if (stryMutAct_9fa48("1653")) {
    {}
  } else {
    stryCov_9fa48("1653");
    if (stryMutAct_9fa48("1656") ? false : stryMutAct_9fa48("1655") ? true : stryMutAct_9fa48("1654") ? isObject(volume) : (stryCov_9fa48("1654", "1655", "1656"), !isObject(volume))) {
      if (stryMutAct_9fa48("1657")) {
        {}
      } else {
        stryCov_9fa48("1657");
        return stryMutAct_9fa48("1658") ? ["Stryker was here"] : (stryCov_9fa48("1658"), []); // absent, null or unknown
      }
    }
    const v = volume as {
      encrypted?: unknown;
      kmsKeyId?: unknown;
    };
    const problems: string[] = stryMutAct_9fa48("1659") ? ["Stryker was here"] : (stryCov_9fa48("1659"), []);
    if (stryMutAct_9fa48("1662") ? test(v.encrypted, e => e === true || e === "true") !== false : stryMutAct_9fa48("1661") ? false : stryMutAct_9fa48("1660") ? true : (stryCov_9fa48("1660", "1661", "1662"), test(v.encrypted, stryMutAct_9fa48("1663") ? () => undefined : (stryCov_9fa48("1663"), e => stryMutAct_9fa48("1666") ? e === true && e === "true" : stryMutAct_9fa48("1665") ? false : stryMutAct_9fa48("1664") ? true : (stryCov_9fa48("1664", "1665", "1666"), (stryMutAct_9fa48("1668") ? e !== true : stryMutAct_9fa48("1667") ? false : (stryCov_9fa48("1667", "1668"), e === (stryMutAct_9fa48("1669") ? false : (stryCov_9fa48("1669"), true)))) || (stryMutAct_9fa48("1671") ? e !== "true" : stryMutAct_9fa48("1670") ? false : (stryCov_9fa48("1670", "1671"), e === (stryMutAct_9fa48("1672") ? "" : (stryCov_9fa48("1672"), "true"))))))) === (stryMutAct_9fa48("1673") ? true : (stryCov_9fa48("1673"), false)))) {
      if (stryMutAct_9fa48("1674")) {
        {}
      } else {
        stryCov_9fa48("1674");
        problems.push(stryMutAct_9fa48("1676") ? `` : (stryCov_9fa48("1676"), `${label} is not encrypted.`));
      }
    }
    if (stryMutAct_9fa48("1679") ? isCustomerManagedKey(v.kmsKeyId) !== false : stryMutAct_9fa48("1678") ? false : stryMutAct_9fa48("1677") ? true : (stryCov_9fa48("1677", "1678", "1679"), isCustomerManagedKey(v.kmsKeyId) === (stryMutAct_9fa48("1680") ? true : (stryCov_9fa48("1680"), false)))) {
      if (stryMutAct_9fa48("1681")) {
        {}
      } else {
        stryCov_9fa48("1681");
        problems.push(stryMutAct_9fa48("1683") ? `` : (stryCov_9fa48("1683"), `${label} kmsKeyId ${describeKey(v.kmsKeyId)}; use ${CMK_HINT}.`));
      }
    }
    return problems;
  }
}
export const ebsEncryption: ResourceValidationPolicy = stryMutAct_9fa48("1684") ? {} : (stryCov_9fa48("1684"), {
  name: stryMutAct_9fa48("1685") ? "" : (stryCov_9fa48("1685"), "ebs-encryption-at-rest"),
  description: (stryMutAct_9fa48("1686") ? "" : (stryCov_9fa48("1686"), "EBS volumes are encrypted with a customer managed key: the root and additional block devices of aws.ec2.Instance ")) + (stryMutAct_9fa48("1687") ? "" : (stryCov_9fa48("1687"), "(rootBlockDevice, ebsBlockDevices), the EBS mappings of aws.ec2.LaunchTemplate and aws.ebs.Volume ")) + (stryMutAct_9fa48("1688") ? "" : (stryCov_9fa48("1688"), "(encrypted = true and kmsKeyId). An instance without rootBlockDevice (and no launch template) gets an unencrypted root ")) + (stryMutAct_9fa48("1689") ? "" : (stryCov_9fa48("1689"), "volume unless the account enables encryption by default, which this pack cannot see.")),
  enforcementLevel: stryMutAct_9fa48("1690") ? "" : (stryCov_9fa48("1690"), "mandatory"),
  severity: stryMutAct_9fa48("1691") ? "" : (stryCov_9fa48("1691"), "high"),
  remediationSteps: stryMutAct_9fa48("1692") ? `` : (stryCov_9fa48("1692"), `Declare rootBlockDevice (and every ebsBlockDevices entry) with encrypted: true and kmsKeyId: <${CMK_HINT}>.`),
  ...compliance(stryMutAct_9fa48("1693") ? "" : (stryCov_9fa48("1693"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1694") ? [] : (stryCov_9fa48("1694"), [stryMutAct_9fa48("1695") ? "" : (stryCov_9fa48("1695"), "encryption"), stryMutAct_9fa48("1696") ? "" : (stryCov_9fa48("1696"), "kms"), stryMutAct_9fa48("1697") ? "" : (stryCov_9fa48("1697"), "ec2"), stryMutAct_9fa48("1698") ? "" : (stryCov_9fa48("1698"), "ebs")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("1699") ? [] : (stryCov_9fa48("1699"), [aws.ec2.Instance, aws.ec2.LaunchTemplate, aws.ebs.Volume]), stryMutAct_9fa48("1700") ? "" : (stryCov_9fa48("1700"), "EC2 instances, launch templates and EBS volumes"), (args, report) => {
    if (stryMutAct_9fa48("1701")) {
      {}
    } else {
      stryCov_9fa48("1701");
      const instance = args.asType(aws.ec2.Instance);
      if (stryMutAct_9fa48("1703") ? false : stryMutAct_9fa48("1702") ? true : (stryCov_9fa48("1702", "1703"), instance)) {
        if (stryMutAct_9fa48("1704")) {
          {}
        } else {
          stryCov_9fa48("1704");
          const p = plain(instance);
          const fromTemplate = stryMutAct_9fa48("1707") ? p.launchTemplate !== undefined || p.launchTemplate !== null : stryMutAct_9fa48("1706") ? false : stryMutAct_9fa48("1705") ? true : (stryCov_9fa48("1705", "1706", "1707"), (stryMutAct_9fa48("1709") ? p.launchTemplate === undefined : stryMutAct_9fa48("1708") ? true : (stryCov_9fa48("1708", "1709"), p.launchTemplate !== undefined)) && (stryMutAct_9fa48("1711") ? p.launchTemplate === null : stryMutAct_9fa48("1710") ? true : (stryCov_9fa48("1710", "1711"), p.launchTemplate !== null)));
          if (stryMutAct_9fa48("1714") ? p.rootBlockDevice === undefined || p.rootBlockDevice === null || !fromTemplate : stryMutAct_9fa48("1713") ? false : stryMutAct_9fa48("1712") ? true : (stryCov_9fa48("1712", "1713", "1714"), (stryMutAct_9fa48("1716") ? p.rootBlockDevice === undefined && p.rootBlockDevice === null : stryMutAct_9fa48("1715") ? true : (stryCov_9fa48("1715", "1716"), (stryMutAct_9fa48("1718") ? p.rootBlockDevice !== undefined : stryMutAct_9fa48("1717") ? false : (stryCov_9fa48("1717", "1718"), p.rootBlockDevice === undefined)) || (stryMutAct_9fa48("1720") ? p.rootBlockDevice !== null : stryMutAct_9fa48("1719") ? false : (stryCov_9fa48("1719", "1720"), p.rootBlockDevice === null)))) && (stryMutAct_9fa48("1721") ? fromTemplate : (stryCov_9fa48("1721"), !fromTemplate)))) {
            if (stryMutAct_9fa48("1722")) {
              {}
            } else {
              stryCov_9fa48("1722");
              report(stryMutAct_9fa48("1724") ? "" : (stryCov_9fa48("1724"), "rootBlockDevice is not declared: the root volume (system, logs, caches) would be unencrypted."));
            }
          } else {
            if (stryMutAct_9fa48("1725")) {
              {}
            } else {
              stryCov_9fa48("1725");
              volumeProblems(p.rootBlockDevice, stryMutAct_9fa48("1727") ? "" : (stryCov_9fa48("1727"), "rootBlockDevice")).forEach(stryMutAct_9fa48("1728") ? () => undefined : (stryCov_9fa48("1728"), m => report(m)));
            }
          }
          // An unknown list (the sentinel) is one unknown volume, skipped.
          asArray(p.ebsBlockDevices).forEach(stryMutAct_9fa48("1730") ? () => undefined : (stryCov_9fa48("1730"), (d, i) => volumeProblems(d, stryMutAct_9fa48("1731") ? `` : (stryCov_9fa48("1731"), `ebsBlockDevices[${i}]`)).forEach(stryMutAct_9fa48("1732") ? () => undefined : (stryCov_9fa48("1732"), m => report(m)))));
          return;
        }
      }
      const template = args.asType(aws.ec2.LaunchTemplate);
      if (stryMutAct_9fa48("1734") ? false : stryMutAct_9fa48("1733") ? true : (stryCov_9fa48("1733", "1734"), template)) {
        if (stryMutAct_9fa48("1735")) {
          {}
        } else {
          stryCov_9fa48("1735");
          const p = plain(template);
          // Unknown lists or mappings (the sentinel) and mappings without ebs are skipped.
          if (stryMutAct_9fa48("1736")) {
            ;
          } else {
            stryCov_9fa48("1736");
            asArray(p.blockDeviceMappings).forEach((m, i) => {
              if (stryMutAct_9fa48("1737")) {
                {}
              } else {
                stryCov_9fa48("1737");
                const ebs = isObject(m) ? (m as {
                  ebs?: unknown;
                }).ebs : undefined;
                volumeProblems(ebs, stryMutAct_9fa48("1739") ? `` : (stryCov_9fa48("1739"), `blockDeviceMappings[${i}].ebs`)).forEach(stryMutAct_9fa48("1740") ? () => undefined : (stryCov_9fa48("1740"), x => report(x)));
              }
            });
          }
          return;
        }
      }
      volumeProblems(plain(args.asType(aws.ebs.Volume)!), stryMutAct_9fa48("1742") ? "" : (stryCov_9fa48("1742"), "the volume")).forEach(stryMutAct_9fa48("1743") ? () => undefined : (stryCov_9fa48("1743"), m => report(m)));
    }
  })
});
export const opensearchEncryptionAtRest: ResourceValidationPolicy = stryMutAct_9fa48("1744") ? {} : (stryCov_9fa48("1744"), {
  name: stryMutAct_9fa48("1745") ? "" : (stryCov_9fa48("1745"), "opensearch-encryption-at-rest"),
  description: stryMutAct_9fa48("1746") ? "" : (stryCov_9fa48("1746"), "OpenSearch domains (application and audit logs) encrypt data at rest with a customer managed key: encryptAtRest.enabled = true and encryptAtRest.kmsKeyId."),
  enforcementLevel: stryMutAct_9fa48("1747") ? "" : (stryCov_9fa48("1747"), "mandatory"),
  severity: stryMutAct_9fa48("1748") ? "" : (stryCov_9fa48("1748"), "high"),
  remediationSteps: stryMutAct_9fa48("1749") ? `` : (stryCov_9fa48("1749"), `Set encryptAtRest: { enabled: true, kmsKeyId: <${CMK_HINT}> } (changing it replaces the domain).`),
  ...compliance(stryMutAct_9fa48("1750") ? "" : (stryCov_9fa48("1750"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1751") ? [] : (stryCov_9fa48("1751"), [stryMutAct_9fa48("1752") ? "" : (stryCov_9fa48("1752"), "encryption"), stryMutAct_9fa48("1753") ? "" : (stryCov_9fa48("1753"), "kms"), stryMutAct_9fa48("1754") ? "" : (stryCov_9fa48("1754"), "opensearch")])),
  validateResource: validateResourceOfType(aws.opensearch.Domain, (domain, args, report) => {
    if (stryMutAct_9fa48("1755")) {
      {}
    } else {
      stryCov_9fa48("1755");
      const e = plain(domain).encryptAtRest;
      if (stryMutAct_9fa48("1757") ? false : stryMutAct_9fa48("1756") ? true : (stryCov_9fa48("1756", "1757"), isUnknown(e))) {
        if (stryMutAct_9fa48("1758")) {
          {}
        } else {
          stryCov_9fa48("1758");
          return;
        }
      }
      if (stryMutAct_9fa48("1761") ? test(e?.enabled, v => v === true) !== false : stryMutAct_9fa48("1760") ? false : stryMutAct_9fa48("1759") ? true : (stryCov_9fa48("1759", "1760", "1761"), test(stryMutAct_9fa48("1762") ? e.enabled : (stryCov_9fa48("1762"), e?.enabled), stryMutAct_9fa48("1763") ? () => undefined : (stryCov_9fa48("1763"), v => stryMutAct_9fa48("1766") ? v !== true : stryMutAct_9fa48("1765") ? false : stryMutAct_9fa48("1764") ? true : (stryCov_9fa48("1764", "1765", "1766"), v === (stryMutAct_9fa48("1767") ? false : (stryCov_9fa48("1767"), true))))) === (stryMutAct_9fa48("1768") ? true : (stryCov_9fa48("1768"), false)))) {
        if (stryMutAct_9fa48("1769")) {
          {}
        } else {
          stryCov_9fa48("1769");
          report(stryMutAct_9fa48("1771") ? "" : (stryCov_9fa48("1771"), "encryptAtRest.enabled is not true: indices (logs that can contain patient identifiers) would be stored unencrypted."));
        }
      }
      if (stryMutAct_9fa48("1774") ? isCustomerManagedKey(e?.kmsKeyId) !== false : stryMutAct_9fa48("1773") ? false : stryMutAct_9fa48("1772") ? true : (stryCov_9fa48("1772", "1773", "1774"), isCustomerManagedKey(stryMutAct_9fa48("1775") ? e.kmsKeyId : (stryCov_9fa48("1775"), e?.kmsKeyId)) === (stryMutAct_9fa48("1776") ? true : (stryCov_9fa48("1776"), false)))) {
        if (stryMutAct_9fa48("1777")) {
          {}
        } else {
          stryCov_9fa48("1777");
          report(stryMutAct_9fa48("1779") ? `` : (stryCov_9fa48("1779"), `encryptAtRest.kmsKeyId ${describeKey(stryMutAct_9fa48("1780") ? e.kmsKeyId : (stryCov_9fa48("1780"), e?.kmsKeyId))}; use ${CMK_HINT}.`));
        }
      }
    }
  })
});

/** A policy that one key argument of one resource type names a customer managed key. */
function keyArgumentPolicy(spec: {
  name: string;
  cls: ResourceClass;
  what: string;
  argument: string;
  severity: Severity;
  why: string;
  topics: string[];
}): ResourceValidationPolicy {
  if (stryMutAct_9fa48("1781")) {
    {}
  } else {
    stryCov_9fa48("1781");
    return stryMutAct_9fa48("1782") ? {} : (stryCov_9fa48("1782"), {
      name: spec.name,
      description: stryMutAct_9fa48("1783") ? `` : (stryCov_9fa48("1783"), `${spec.what} are encrypted with a customer managed KMS key (${spec.argument} set, not an AWS managed alias/aws/... key). ${spec.why}`),
      enforcementLevel: stryMutAct_9fa48("1784") ? "" : (stryCov_9fa48("1784"), "mandatory"),
      severity: spec.severity,
      remediationSteps: stryMutAct_9fa48("1785") ? `` : (stryCov_9fa48("1785"), `Set ${spec.argument} to ${CMK_HINT}; the key policy must allow the service to use it.`),
      ...compliance(stryMutAct_9fa48("1786") ? "" : (stryCov_9fa48("1786"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1787") ? [] : (stryCov_9fa48("1787"), [stryMutAct_9fa48("1788") ? "" : (stryCov_9fa48("1788"), "encryption"), stryMutAct_9fa48("1789") ? "" : (stryCov_9fa48("1789"), "kms"), ...spec.topics])),
      validateResource: validateResourceOfTypes(stryMutAct_9fa48("1790") ? [] : (stryCov_9fa48("1790"), [spec.cls]), spec.what, (args, report) => {
        if (stryMutAct_9fa48("1791")) {
          {}
        } else {
          stryCov_9fa48("1791");
          const value = plain(args.props)[spec.argument];
          if (stryMutAct_9fa48("1794") ? isCustomerManagedKey(value) !== false : stryMutAct_9fa48("1793") ? false : stryMutAct_9fa48("1792") ? true : (stryCov_9fa48("1792", "1793", "1794"), isCustomerManagedKey(value) === (stryMutAct_9fa48("1795") ? true : (stryCov_9fa48("1795"), false)))) {
            if (stryMutAct_9fa48("1796")) {
              {}
            } else {
              stryCov_9fa48("1796");
              report(stryMutAct_9fa48("1798") ? `` : (stryCov_9fa48("1798"), `${spec.argument} ${describeKey(value)}.`));
            }
          }
        }
      })
    });
  }
}
export const logGroupEncryption = keyArgumentPolicy(stryMutAct_9fa48("1799") ? {} : (stryCov_9fa48("1799"), {
  name: stryMutAct_9fa48("1800") ? "" : (stryCov_9fa48("1800"), "cloudwatch-log-group-encryption"),
  cls: aws.cloudwatch.LogGroup,
  what: stryMutAct_9fa48("1801") ? "" : (stryCov_9fa48("1801"), "CloudWatch log groups"),
  argument: stryMutAct_9fa48("1802") ? "" : (stryCov_9fa48("1802"), "kmsKeyId"),
  severity: stryMutAct_9fa48("1803") ? "" : (stryCov_9fa48("1803"), "high"),
  why: stryMutAct_9fa48("1804") ? "" : (stryCov_9fa48("1804"), "Application, web server and database logs can hold patient identifiers."),
  topics: stryMutAct_9fa48("1805") ? [] : (stryCov_9fa48("1805"), [stryMutAct_9fa48("1806") ? "" : (stryCov_9fa48("1806"), "cloudwatch"), stryMutAct_9fa48("1807") ? "" : (stryCov_9fa48("1807"), "logs")])
}));
export const snsTopicEncryption = keyArgumentPolicy(stryMutAct_9fa48("1808") ? {} : (stryCov_9fa48("1808"), {
  name: stryMutAct_9fa48("1809") ? "" : (stryCov_9fa48("1809"), "sns-topic-encryption"),
  cls: aws.sns.Topic,
  what: stryMutAct_9fa48("1810") ? "" : (stryCov_9fa48("1810"), "SNS topics"),
  argument: stryMutAct_9fa48("1811") ? "" : (stryCov_9fa48("1811"), "kmsMasterKeyId"),
  severity: stryMutAct_9fa48("1812") ? "" : (stryCov_9fa48("1812"), "medium"),
  why: stryMutAct_9fa48("1813") ? "" : (stryCov_9fa48("1813"), "Alarm and backup notifications name resources and can quote log lines."),
  topics: stryMutAct_9fa48("1814") ? [] : (stryCov_9fa48("1814"), [stryMutAct_9fa48("1815") ? "" : (stryCov_9fa48("1815"), "sns")])
}));
export const secretEncryption = keyArgumentPolicy(stryMutAct_9fa48("1816") ? {} : (stryCov_9fa48("1816"), {
  name: stryMutAct_9fa48("1817") ? "" : (stryCov_9fa48("1817"), "secretsmanager-secret-encryption"),
  cls: aws.secretsmanager.Secret,
  what: stryMutAct_9fa48("1818") ? "" : (stryCov_9fa48("1818"), "Secrets Manager secrets"),
  argument: stryMutAct_9fa48("1819") ? "" : (stryCov_9fa48("1819"), "kmsKeyId"),
  severity: stryMutAct_9fa48("1820") ? "" : (stryCov_9fa48("1820"), "high"),
  why: stryMutAct_9fa48("1821") ? "" : (stryCov_9fa48("1821"), "Database and cache credentials open every patient record."),
  topics: stryMutAct_9fa48("1822") ? [] : (stryCov_9fa48("1822"), [stryMutAct_9fa48("1823") ? "" : (stryCov_9fa48("1823"), "secretsmanager")])
}));
export const backupVaultEncryption = keyArgumentPolicy(stryMutAct_9fa48("1824") ? {} : (stryCov_9fa48("1824"), {
  name: stryMutAct_9fa48("1825") ? "" : (stryCov_9fa48("1825"), "backup-vault-encryption"),
  cls: aws.backup.Vault,
  what: stryMutAct_9fa48("1826") ? "" : (stryCov_9fa48("1826"), "AWS Backup vaults"),
  argument: stryMutAct_9fa48("1827") ? "" : (stryCov_9fa48("1827"), "kmsKeyArn"),
  severity: stryMutAct_9fa48("1828") ? "" : (stryCov_9fa48("1828"), "high"),
  why: stryMutAct_9fa48("1829") ? "" : (stryCov_9fa48("1829"), "Recovery points are full copies of the databases, volumes and buckets."),
  topics: stryMutAct_9fa48("1830") ? [] : (stryCov_9fa48("1830"), [stryMutAct_9fa48("1831") ? "" : (stryCov_9fa48("1831"), "backup")])
}));
export const kmsKeyRotation: ResourceValidationPolicy = stryMutAct_9fa48("1832") ? {} : (stryCov_9fa48("1832"), {
  name: stryMutAct_9fa48("1833") ? "" : (stryCov_9fa48("1833"), "kms-key-rotation"),
  description: (stryMutAct_9fa48("1834") ? "" : (stryCov_9fa48("1834"), "Customer managed symmetric encryption keys rotate their key material automatically at least yearly ")) + (stryMutAct_9fa48("1835") ? "" : (stryCov_9fa48("1835"), "(enableKeyRotation = true, rotationPeriodInDays <= 365). Asymmetric, HMAC and external (custom key store) keys ")) + (stryMutAct_9fa48("1836") ? "" : (stryCov_9fa48("1836"), "cannot rotate automatically and are not checked.")),
  enforcementLevel: stryMutAct_9fa48("1837") ? "" : (stryCov_9fa48("1837"), "mandatory"),
  severity: stryMutAct_9fa48("1838") ? "" : (stryCov_9fa48("1838"), "medium"),
  remediationSteps: stryMutAct_9fa48("1839") ? "" : (stryCov_9fa48("1839"), "Set enableKeyRotation: true (rotationPeriodInDays between 90 and 365) on the aws.kms.Key."),
  ...compliance(stryMutAct_9fa48("1840") ? "" : (stryCov_9fa48("1840"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1841") ? [] : (stryCov_9fa48("1841"), [stryMutAct_9fa48("1842") ? "" : (stryCov_9fa48("1842"), "encryption"), stryMutAct_9fa48("1843") ? "" : (stryCov_9fa48("1843"), "kms")])),
  validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
    if (stryMutAct_9fa48("1844")) {
      {}
    } else {
      stryCov_9fa48("1844");
      const p = plain(key);
      const spec = p.customerMasterKeySpec;
      const usage = p.keyUsage;
      if (stryMutAct_9fa48("1847") ? (isUnknown(spec) || isUnknown(usage) || isUnknown(p.customKeyStoreId)) && isUnknown(p.xksKeyId) : stryMutAct_9fa48("1846") ? false : stryMutAct_9fa48("1845") ? true : (stryCov_9fa48("1845", "1846", "1847"), (stryMutAct_9fa48("1849") ? (isUnknown(spec) || isUnknown(usage)) && isUnknown(p.customKeyStoreId) : stryMutAct_9fa48("1848") ? false : (stryCov_9fa48("1848", "1849"), (stryMutAct_9fa48("1851") ? isUnknown(spec) && isUnknown(usage) : stryMutAct_9fa48("1850") ? false : (stryCov_9fa48("1850", "1851"), isUnknown(spec) || isUnknown(usage))) || isUnknown(p.customKeyStoreId))) || isUnknown(p.xksKeyId))) {
        if (stryMutAct_9fa48("1852")) {
          {}
        } else {
          stryCov_9fa48("1852");
          return;
        }
      }
      if (stryMutAct_9fa48("1855") ? ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" || (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" || p.customKeyStoreId) && p.xksKeyId : stryMutAct_9fa48("1854") ? false : stryMutAct_9fa48("1853") ? true : (stryCov_9fa48("1853", "1854", "1855"), (stryMutAct_9fa48("1857") ? ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" || (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") && p.customKeyStoreId : stryMutAct_9fa48("1856") ? false : (stryCov_9fa48("1856", "1857"), (stryMutAct_9fa48("1859") ? (spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" && (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" : stryMutAct_9fa48("1858") ? false : (stryCov_9fa48("1858", "1859"), (stryMutAct_9fa48("1861") ? (spec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" : stryMutAct_9fa48("1860") ? false : (stryCov_9fa48("1860", "1861"), (stryMutAct_9fa48("1862") ? spec && "SYMMETRIC_DEFAULT" : (stryCov_9fa48("1862"), spec ?? (stryMutAct_9fa48("1863") ? "" : (stryCov_9fa48("1863"), "SYMMETRIC_DEFAULT")))) !== (stryMutAct_9fa48("1864") ? "" : (stryCov_9fa48("1864"), "SYMMETRIC_DEFAULT")))) || (stryMutAct_9fa48("1866") ? (usage ?? "ENCRYPT_DECRYPT") === "ENCRYPT_DECRYPT" : stryMutAct_9fa48("1865") ? false : (stryCov_9fa48("1865", "1866"), (stryMutAct_9fa48("1867") ? usage && "ENCRYPT_DECRYPT" : (stryCov_9fa48("1867"), usage ?? (stryMutAct_9fa48("1868") ? "" : (stryCov_9fa48("1868"), "ENCRYPT_DECRYPT")))) !== (stryMutAct_9fa48("1869") ? "" : (stryCov_9fa48("1869"), "ENCRYPT_DECRYPT")))))) || p.customKeyStoreId)) || p.xksKeyId)) {
        if (stryMutAct_9fa48("1870")) {
          {}
        } else {
          stryCov_9fa48("1870");
          args.notApplicable(stryMutAct_9fa48("1872") ? "" : (stryCov_9fa48("1872"), "only symmetric encryption keys in AWS KMS rotate automatically"));
        }
      }
      if (stryMutAct_9fa48("1875") ? test(p.enableKeyRotation, v => v === true) !== false : stryMutAct_9fa48("1874") ? false : stryMutAct_9fa48("1873") ? true : (stryCov_9fa48("1873", "1874", "1875"), test(p.enableKeyRotation, stryMutAct_9fa48("1876") ? () => undefined : (stryCov_9fa48("1876"), v => stryMutAct_9fa48("1879") ? v !== true : stryMutAct_9fa48("1878") ? false : stryMutAct_9fa48("1877") ? true : (stryCov_9fa48("1877", "1878", "1879"), v === (stryMutAct_9fa48("1880") ? false : (stryCov_9fa48("1880"), true))))) === (stryMutAct_9fa48("1881") ? true : (stryCov_9fa48("1881"), false)))) {
        if (stryMutAct_9fa48("1882")) {
          {}
        } else {
          stryCov_9fa48("1882");
          report(stryMutAct_9fa48("1884") ? "" : (stryCov_9fa48("1884"), "enableKeyRotation is not true: the key material would never change."));
        }
      }
      // Stryker disable next-line ConditionalExpression: null <= 365 holds too (null compares as 0)
      if (stryMutAct_9fa48("1887") ? test(p.rotationPeriodInDays, v => v === undefined || v === null || v <= 365) !== false : (stryCov_9fa48("1887"), test(p.rotationPeriodInDays, stryMutAct_9fa48("1888") ? () => undefined : (stryCov_9fa48("1888"), v => stryMutAct_9fa48("1891") ? (v === undefined || v === null) && v <= 365 : (stryCov_9fa48("1891"), (stryMutAct_9fa48("1893") ? v === undefined && v === null : (stryCov_9fa48("1893"), (stryMutAct_9fa48("1895") ? v !== undefined : (stryCov_9fa48("1895"), v === undefined)) || (stryMutAct_9fa48("1897") ? v !== null : (stryCov_9fa48("1897"), v === null)))) || (stryMutAct_9fa48("1900") ? v > 365 : stryMutAct_9fa48("1899") ? v < 365 : (stryCov_9fa48("1899", "1900"), v <= 365))))) === (stryMutAct_9fa48("1901") ? true : (stryCov_9fa48("1901"), false)))) {
        if (stryMutAct_9fa48("1902")) {
          {}
        } else {
          stryCov_9fa48("1902");
          report(stryMutAct_9fa48("1904") ? `` : (stryCov_9fa48("1904"), `rotationPeriodInDays is ${p.rotationPeriodInDays}; rotate at least every 365 days.`));
        }
      }
    }
  })
});