// @ts-nocheck
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
const CMK_HINT = stryMutAct_9fa48("1425") ? "" : (stryCov_9fa48("1425"), "a customer managed key (aws.kms.Key ARN) from the Keys component");
export const rdsEncryptionAtRest: ResourceValidationPolicy = stryMutAct_9fa48("1426") ? {} : (stryCov_9fa48("1426"), {
  name: stryMutAct_9fa48("1427") ? "" : (stryCov_9fa48("1427"), "rds-encryption-at-rest"),
  description: (stryMutAct_9fa48("1428") ? "" : (stryCov_9fa48("1428"), "RDS/Aurora clusters and RDS instances encrypt storage with a customer managed key (storageEncrypted = true and ")) + (stryMutAct_9fa48("1429") ? "" : (stryCov_9fa48("1429"), "kmsKeyId), and so do the master user secret RDS manages (masterUserSecretKmsKeyId) and Performance Insights data ")) + (stryMutAct_9fa48("1430") ? "" : (stryCov_9fa48("1430"), "(performanceInsightsKmsKeyId) when enabled. Read replicas inherit their source's encryption and are not checked.")),
  enforcementLevel: stryMutAct_9fa48("1431") ? "" : (stryCov_9fa48("1431"), "mandatory"),
  severity: stryMutAct_9fa48("1432") ? "" : (stryCov_9fa48("1432"), "high"),
  remediationSteps: (stryMutAct_9fa48("1433") ? `` : (stryCov_9fa48("1433"), `Set storageEncrypted: true and kmsKeyId to ${CMK_HINT}; with manageMasterUserPassword also masterUserSecretKmsKeyId, `)) + (stryMutAct_9fa48("1434") ? "" : (stryCov_9fa48("1434"), "with performanceInsightsEnabled also performanceInsightsKmsKeyId. Encryption of an existing database needs a snapshot restore.")),
  ...compliance(stryMutAct_9fa48("1435") ? "" : (stryCov_9fa48("1435"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1436") ? [] : (stryCov_9fa48("1436"), [stryMutAct_9fa48("1437") ? "" : (stryCov_9fa48("1437"), "encryption"), stryMutAct_9fa48("1438") ? "" : (stryCov_9fa48("1438"), "kms"), stryMutAct_9fa48("1439") ? "" : (stryCov_9fa48("1439"), "rds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("1440") ? [] : (stryCov_9fa48("1440"), [aws.rds.Cluster, aws.rds.Instance]), stryMutAct_9fa48("1441") ? "" : (stryCov_9fa48("1441"), "RDS clusters and instances"), (args, report) => {
    if (stryMutAct_9fa48("1442")) {
      {}
    } else {
      stryCov_9fa48("1442");
      const p = plain((args.asType(aws.rds.Cluster) ?? args.asType(aws.rds.Instance))!) as Record<string, unknown>;
      if (stryMutAct_9fa48("1444") ? false : stryMutAct_9fa48("1443") ? true : (stryCov_9fa48("1443", "1444"), knownString(p.replicateSourceDb))) {
        if (stryMutAct_9fa48("1445")) {
          {}
        } else {
          stryCov_9fa48("1445");
          args.notApplicable(stryMutAct_9fa48("1447") ? "" : (stryCov_9fa48("1447"), "read replica: encrypted like its source"));
        }
      }
      if (stryMutAct_9fa48("1450") ? test(p.storageEncrypted, v => v === true) !== false : stryMutAct_9fa48("1449") ? false : stryMutAct_9fa48("1448") ? true : (stryCov_9fa48("1448", "1449", "1450"), test(p.storageEncrypted, stryMutAct_9fa48("1451") ? () => undefined : (stryCov_9fa48("1451"), v => stryMutAct_9fa48("1454") ? v !== true : stryMutAct_9fa48("1453") ? false : stryMutAct_9fa48("1452") ? true : (stryCov_9fa48("1452", "1453", "1454"), v === (stryMutAct_9fa48("1455") ? false : (stryCov_9fa48("1455"), true))))) === (stryMutAct_9fa48("1456") ? true : (stryCov_9fa48("1456"), false)))) {
        if (stryMutAct_9fa48("1457")) {
          {}
        } else {
          stryCov_9fa48("1457");
          report(stryMutAct_9fa48("1459") ? "" : (stryCov_9fa48("1459"), "storageEncrypted is not true: the database's storage, snapshots and backups would be unencrypted."));
        }
      }
      if (stryMutAct_9fa48("1462") ? isCustomerManagedKey(p.kmsKeyId) !== false : stryMutAct_9fa48("1461") ? false : stryMutAct_9fa48("1460") ? true : (stryCov_9fa48("1460", "1461", "1462"), isCustomerManagedKey(p.kmsKeyId) === (stryMutAct_9fa48("1463") ? true : (stryCov_9fa48("1463"), false)))) {
        if (stryMutAct_9fa48("1464")) {
          {}
        } else {
          stryCov_9fa48("1464");
          report(stryMutAct_9fa48("1466") ? `` : (stryCov_9fa48("1466"), `kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`));
        }
      }
      if (stryMutAct_9fa48("1469") ? p.manageMasterUserPassword === true || isCustomerManagedKey(p.masterUserSecretKmsKeyId) === false : stryMutAct_9fa48("1468") ? false : stryMutAct_9fa48("1467") ? true : (stryCov_9fa48("1467", "1468", "1469"), (stryMutAct_9fa48("1471") ? p.manageMasterUserPassword !== true : stryMutAct_9fa48("1470") ? true : (stryCov_9fa48("1470", "1471"), p.manageMasterUserPassword === (stryMutAct_9fa48("1472") ? false : (stryCov_9fa48("1472"), true)))) && (stryMutAct_9fa48("1474") ? isCustomerManagedKey(p.masterUserSecretKmsKeyId) !== false : stryMutAct_9fa48("1473") ? true : (stryCov_9fa48("1473", "1474"), isCustomerManagedKey(p.masterUserSecretKmsKeyId) === (stryMutAct_9fa48("1475") ? true : (stryCov_9fa48("1475"), false)))))) {
        if (stryMutAct_9fa48("1476")) {
          {}
        } else {
          stryCov_9fa48("1476");
          report(stryMutAct_9fa48("1478") ? `` : (stryCov_9fa48("1478"), `masterUserSecretKmsKeyId ${describeKey(p.masterUserSecretKmsKeyId)}: the managed master password secret would use the AWS managed key.`));
        }
      }
      if (stryMutAct_9fa48("1481") ? p.performanceInsightsEnabled === true || isCustomerManagedKey(p.performanceInsightsKmsKeyId) === false : stryMutAct_9fa48("1480") ? false : stryMutAct_9fa48("1479") ? true : (stryCov_9fa48("1479", "1480", "1481"), (stryMutAct_9fa48("1483") ? p.performanceInsightsEnabled !== true : stryMutAct_9fa48("1482") ? true : (stryCov_9fa48("1482", "1483"), p.performanceInsightsEnabled === (stryMutAct_9fa48("1484") ? false : (stryCov_9fa48("1484"), true)))) && (stryMutAct_9fa48("1486") ? isCustomerManagedKey(p.performanceInsightsKmsKeyId) !== false : stryMutAct_9fa48("1485") ? true : (stryCov_9fa48("1485", "1486"), isCustomerManagedKey(p.performanceInsightsKmsKeyId) === (stryMutAct_9fa48("1487") ? true : (stryCov_9fa48("1487"), false)))))) {
        if (stryMutAct_9fa48("1488")) {
          {}
        } else {
          stryCov_9fa48("1488");
          report(stryMutAct_9fa48("1490") ? `` : (stryCov_9fa48("1490"), `performanceInsightsKmsKeyId ${describeKey(p.performanceInsightsKmsKeyId)}: Performance Insights keeps query text, which can contain patient data.`));
        }
      }
    }
  })
});
function describeKey(v: unknown): string {
  if (stryMutAct_9fa48("1491")) {
    {}
  } else {
    stryCov_9fa48("1491");
    return (stryMutAct_9fa48("1494") ? (v === undefined || v === null) && v === "" : stryMutAct_9fa48("1493") ? false : stryMutAct_9fa48("1492") ? true : (stryCov_9fa48("1492", "1493", "1494"), (stryMutAct_9fa48("1496") ? v === undefined && v === null : stryMutAct_9fa48("1495") ? false : (stryCov_9fa48("1495", "1496"), (stryMutAct_9fa48("1498") ? v !== undefined : stryMutAct_9fa48("1497") ? false : (stryCov_9fa48("1497", "1498"), v === undefined)) || (stryMutAct_9fa48("1500") ? v !== null : stryMutAct_9fa48("1499") ? false : (stryCov_9fa48("1499", "1500"), v === null)))) || (stryMutAct_9fa48("1502") ? v !== "" : stryMutAct_9fa48("1501") ? false : (stryCov_9fa48("1501", "1502"), v === (stryMutAct_9fa48("1503") ? "Stryker was here!" : (stryCov_9fa48("1503"), "")))))) ? stryMutAct_9fa48("1504") ? "" : (stryCov_9fa48("1504"), "is not set (AWS managed key)") : stryMutAct_9fa48("1505") ? `` : (stryCov_9fa48("1505"), `is "${String(v)}", an AWS managed key`);
  }
}
export const elasticacheEncryptionAtRest: ResourceValidationPolicy = stryMutAct_9fa48("1506") ? {} : (stryCov_9fa48("1506"), {
  name: stryMutAct_9fa48("1507") ? "" : (stryCov_9fa48("1507"), "elasticache-encryption-at-rest"),
  description: (stryMutAct_9fa48("1508") ? "" : (stryCov_9fa48("1508"), "ElastiCache replication groups encrypt data at rest (nodes, swap, snapshots) with a customer managed key: ")) + (stryMutAct_9fa48("1509") ? "" : (stryCov_9fa48("1509"), "atRestEncryptionEnabled = true and kmsKeyId set.")),
  enforcementLevel: stryMutAct_9fa48("1510") ? "" : (stryCov_9fa48("1510"), "mandatory"),
  severity: stryMutAct_9fa48("1511") ? "" : (stryCov_9fa48("1511"), "high"),
  remediationSteps: stryMutAct_9fa48("1512") ? `` : (stryCov_9fa48("1512"), `Set atRestEncryptionEnabled: true and kmsKeyId to ${CMK_HINT} (changing either replaces the group).`),
  ...compliance(stryMutAct_9fa48("1513") ? "" : (stryCov_9fa48("1513"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1514") ? [] : (stryCov_9fa48("1514"), [stryMutAct_9fa48("1515") ? "" : (stryCov_9fa48("1515"), "encryption"), stryMutAct_9fa48("1516") ? "" : (stryCov_9fa48("1516"), "kms"), stryMutAct_9fa48("1517") ? "" : (stryCov_9fa48("1517"), "elasticache")])),
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, report) => {
    if (stryMutAct_9fa48("1518")) {
      {}
    } else {
      stryCov_9fa48("1518");
      const p = plain(rg);
      if (stryMutAct_9fa48("1521") ? test(p.atRestEncryptionEnabled, v => v === true) !== false : stryMutAct_9fa48("1520") ? false : stryMutAct_9fa48("1519") ? true : (stryCov_9fa48("1519", "1520", "1521"), test(p.atRestEncryptionEnabled, stryMutAct_9fa48("1522") ? () => undefined : (stryCov_9fa48("1522"), v => stryMutAct_9fa48("1525") ? v !== true : stryMutAct_9fa48("1524") ? false : stryMutAct_9fa48("1523") ? true : (stryCov_9fa48("1523", "1524", "1525"), v === (stryMutAct_9fa48("1526") ? false : (stryCov_9fa48("1526"), true))))) === (stryMutAct_9fa48("1527") ? true : (stryCov_9fa48("1527"), false)))) {
        if (stryMutAct_9fa48("1528")) {
          {}
        } else {
          stryCov_9fa48("1528");
          report(stryMutAct_9fa48("1530") ? "" : (stryCov_9fa48("1530"), "atRestEncryptionEnabled is not true: cached sessions and pages would be stored unencrypted."));
        }
      }
      if (stryMutAct_9fa48("1533") ? isCustomerManagedKey(p.kmsKeyId) !== false : stryMutAct_9fa48("1532") ? false : stryMutAct_9fa48("1531") ? true : (stryCov_9fa48("1531", "1532", "1533"), isCustomerManagedKey(p.kmsKeyId) === (stryMutAct_9fa48("1534") ? true : (stryCov_9fa48("1534"), false)))) {
        if (stryMutAct_9fa48("1535")) {
          {}
        } else {
          stryCov_9fa48("1535");
          report(stryMutAct_9fa48("1537") ? `` : (stryCov_9fa48("1537"), `kmsKeyId ${describeKey(p.kmsKeyId)}; use ${CMK_HINT}.`));
        }
      }
    }
  })
});

/** The default-encryption rules of an encryption configuration (`rules` list, or the deprecated inline `rule`). */
function encryptionDefaults(config: unknown): unknown[] | undefined {
  if (stryMutAct_9fa48("1538")) {
    {}
  } else {
    stryCov_9fa48("1538");
    if (stryMutAct_9fa48("1540") ? false : stryMutAct_9fa48("1539") ? true : (stryCov_9fa48("1539", "1540"), isUnknown(config))) {
      if (stryMutAct_9fa48("1541")) {
        {}
      } else {
        stryCov_9fa48("1541");
        return undefined;
      }
    }
    const c = (config ?? {}) as {
      rules?: unknown;
      rule?: unknown;
    };
    // An unknown list (the sentinel) is one unknown rule.
    const rules = stryMutAct_9fa48("1542") ? c.rules && c.rule : (stryCov_9fa48("1542"), c.rules ?? c.rule);
    return asArray(rules).map(stryMutAct_9fa48("1543") ? () => undefined : (stryCov_9fa48("1543"), r => isUnknown(r) ? r : stryMutAct_9fa48("1544") ? (r as {
      applyServerSideEncryptionByDefault?: unknown;
    } | undefined).applyServerSideEncryptionByDefault : (stryCov_9fa48("1544"), (r as {
      applyServerSideEncryptionByDefault?: unknown;
    } | undefined)?.applyServerSideEncryptionByDefault)));
  }
}

/** Whether a default-encryption block uses SSE-KMS with a customer managed key (or, if `s3Ok`, at least SSE-S3). */
function encryptsWithCmk(byDefault: unknown, s3Ok: boolean): Tri {
  if (stryMutAct_9fa48("1545")) {
    {}
  } else {
    stryCov_9fa48("1545");
    if (stryMutAct_9fa48("1547") ? false : stryMutAct_9fa48("1546") ? true : (stryCov_9fa48("1546", "1547"), isUnknown(byDefault))) {
      if (stryMutAct_9fa48("1548")) {
        {}
      } else {
        stryCov_9fa48("1548");
        return undefined;
      }
    }
    const d = (byDefault ?? {}) as {
      sseAlgorithm?: unknown;
      kmsMasterKeyId?: unknown;
    };
    if (stryMutAct_9fa48("1550") ? false : stryMutAct_9fa48("1549") ? true : (stryCov_9fa48("1549", "1550"), isUnknown(d.sseAlgorithm))) {
      if (stryMutAct_9fa48("1551")) {
        {}
      } else {
        stryCov_9fa48("1551");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("1554") ? d.sseAlgorithm === "aws:kms" && d.sseAlgorithm === "aws:kms:dsse" : stryMutAct_9fa48("1553") ? false : stryMutAct_9fa48("1552") ? true : (stryCov_9fa48("1552", "1553", "1554"), (stryMutAct_9fa48("1556") ? d.sseAlgorithm !== "aws:kms" : stryMutAct_9fa48("1555") ? false : (stryCov_9fa48("1555", "1556"), d.sseAlgorithm === (stryMutAct_9fa48("1557") ? "" : (stryCov_9fa48("1557"), "aws:kms")))) || (stryMutAct_9fa48("1559") ? d.sseAlgorithm !== "aws:kms:dsse" : stryMutAct_9fa48("1558") ? false : (stryCov_9fa48("1558", "1559"), d.sseAlgorithm === (stryMutAct_9fa48("1560") ? "" : (stryCov_9fa48("1560"), "aws:kms:dsse")))))) {
      if (stryMutAct_9fa48("1561")) {
        {}
      } else {
        stryCov_9fa48("1561");
        return isCustomerManagedKey(d.kmsMasterKeyId);
      }
    }
    return stryMutAct_9fa48("1564") ? s3Ok || d.sseAlgorithm === "AES256" : stryMutAct_9fa48("1563") ? false : stryMutAct_9fa48("1562") ? true : (stryCov_9fa48("1562", "1563", "1564"), s3Ok && (stryMutAct_9fa48("1566") ? d.sseAlgorithm !== "AES256" : stryMutAct_9fa48("1565") ? true : (stryCov_9fa48("1565", "1566"), d.sseAlgorithm === (stryMutAct_9fa48("1567") ? "" : (stryCov_9fa48("1567"), "AES256")))));
  }
}

/** Whether a bucket receives S3 server access logs (the only buckets that may use SSE-S3). */
function isAccessLogTarget(bucket: PolicyResource, resources: PolicyResource[]): Tri {
  if (stryMutAct_9fa48("1568")) {
    {}
  } else {
    stryCov_9fa48("1568");
    const ids = bucketIdentities(bucket);
    return any(
    // Stryker disable next-line MethodExpression: no other resource type has a top-level targetBucket, which refersTo reads
    resources.filter(stryMutAct_9fa48("1570") ? () => undefined : (stryCov_9fa48("1570"), r => isAnyOf(r, BUCKET_LOGGING))).map(stryMutAct_9fa48("1571") ? () => undefined : (stryCov_9fa48("1571"), r => refersTo(r, stryMutAct_9fa48("1572") ? "" : (stryCov_9fa48("1572"), "targetBucket"), bucket, ids))));
  }
}
export const s3EncryptionAtRest: StackValidationPolicy = stryMutAct_9fa48("1573") ? {} : (stryCov_9fa48("1573"), {
  name: stryMutAct_9fa48("1574") ? "" : (stryCov_9fa48("1574"), "s3-encryption-at-rest"),
  description: (stryMutAct_9fa48("1575") ? "" : (stryCov_9fa48("1575"), "Every S3 bucket encrypts new objects by default with SSE-KMS (aws:kms or aws:kms:dsse) and a customer managed key, ")) + (stryMutAct_9fa48("1576") ? "" : (stryCov_9fa48("1576"), "through an aws.s3.BucketServerSideEncryptionConfiguration. Exception: buckets that receive S3 server access logs ")) + (stryMutAct_9fa48("1577") ? "" : (stryCov_9fa48("1577"), "(target of a BucketLogging) may use SSE-S3 (AES256), the only encryption S3 log delivery supports.")),
  enforcementLevel: stryMutAct_9fa48("1578") ? "" : (stryCov_9fa48("1578"), "mandatory"),
  severity: stryMutAct_9fa48("1579") ? "" : (stryCov_9fa48("1579"), "high"),
  remediationSteps: (stryMutAct_9fa48("1580") ? "" : (stryCov_9fa48("1580"), "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket with rules: [{ applyServerSideEncryptionByDefault: ")) + (stryMutAct_9fa48("1581") ? `` : (stryCov_9fa48("1581"), `{ sseAlgorithm: "aws:kms", kmsMasterKeyId: <${CMK_HINT}> }, bucketKeyEnabled: true }].`)),
  ...compliance(stryMutAct_9fa48("1582") ? "" : (stryCov_9fa48("1582"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1583") ? [] : (stryCov_9fa48("1583"), [stryMutAct_9fa48("1584") ? "" : (stryCov_9fa48("1584"), "encryption"), stryMutAct_9fa48("1585") ? "" : (stryCov_9fa48("1585"), "kms"), stryMutAct_9fa48("1586") ? "" : (stryCov_9fa48("1586"), "s3")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("1587")) {
      {}
    } else {
      stryCov_9fa48("1587");
      const buckets = stryMutAct_9fa48("1588") ? args.resources : (stryCov_9fa48("1588"), args.resources.filter(stryMutAct_9fa48("1589") ? () => undefined : (stryCov_9fa48("1589"), r => isAnyOf(r, BUCKETS))));
      if (stryMutAct_9fa48("1592") ? buckets.length !== 0 : stryMutAct_9fa48("1591") ? false : stryMutAct_9fa48("1590") ? true : (stryCov_9fa48("1590", "1591", "1592"), buckets.length === 0)) {
        if (stryMutAct_9fa48("1593")) {
          {}
        } else {
          stryCov_9fa48("1593");
          args.notApplicable(stryMutAct_9fa48("1595") ? "" : (stryCov_9fa48("1595"), "no S3 buckets in the stack"));
        }
      }
      const configs = stryMutAct_9fa48("1596") ? args.resources : (stryCov_9fa48("1596"), args.resources.filter(stryMutAct_9fa48("1597") ? () => undefined : (stryCov_9fa48("1597"), r => isAnyOf(r, BUCKET_ENCRYPTION))));
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("1598")) {
          {}
        } else {
          stryCov_9fa48("1598");
          const logTarget = isAccessLogTarget(bucket, args.resources);
          const verdict = (s3Ok: boolean): {
            ok: Tri;
            count: number;
          } => {
            if (stryMutAct_9fa48("1599")) {
              {}
            } else {
              stryCov_9fa48("1599");
              const verdicts: Tri[] = stryMutAct_9fa48("1600") ? ["Stryker was here"] : (stryCov_9fa48("1600"), []);
              const inline = propsOf(bucket).serverSideEncryptionConfiguration;
              if (stryMutAct_9fa48("1603") ? inline !== undefined || inline !== null : stryMutAct_9fa48("1602") ? false : stryMutAct_9fa48("1601") ? true : (stryCov_9fa48("1601", "1602", "1603"), (stryMutAct_9fa48("1605") ? inline === undefined : stryMutAct_9fa48("1604") ? true : (stryCov_9fa48("1604", "1605"), inline !== undefined)) && (stryMutAct_9fa48("1607") ? inline === null : stryMutAct_9fa48("1606") ? true : (stryCov_9fa48("1606", "1607"), inline !== null)))) {
                if (stryMutAct_9fa48("1608")) {
                  {}
                } else {
                  stryCov_9fa48("1608");
                  if (stryMutAct_9fa48("1609")) {
                    ;
                  } else {
                    stryCov_9fa48("1609");
                    verdicts.push(defaultsVerdict(encryptionDefaults(inline), s3Ok));
                  }
                }
              }
              for (const config of configs) {
                if (stryMutAct_9fa48("1610")) {
                  {}
                } else {
                  stryCov_9fa48("1610");
                  // Another bucket's configuration (linked === false) counts neither way.
                  const linked = refersTo(config, stryMutAct_9fa48("1611") ? "" : (stryCov_9fa48("1611"), "bucket"), bucket, bucketIdentities(bucket));
                  const v = defaultsVerdict(encryptionDefaults(propsOf(config)), s3Ok);
                  if (stryMutAct_9fa48("1614") ? linked !== true : stryMutAct_9fa48("1613") ? false : stryMutAct_9fa48("1612") ? true : (stryCov_9fa48("1612", "1613", "1614"), linked === (stryMutAct_9fa48("1615") ? false : (stryCov_9fa48("1615"), true)))) {
                    if (stryMutAct_9fa48("1616")) {
                      {}
                    } else {
                      stryCov_9fa48("1616");
                      if (stryMutAct_9fa48("1617")) {
                        ;
                      } else {
                        stryCov_9fa48("1617");
                        verdicts.push(v);
                      }
                    }
                  } else if (stryMutAct_9fa48("1620") ? linked === undefined || v !== false : stryMutAct_9fa48("1619") ? false : stryMutAct_9fa48("1618") ? true : (stryCov_9fa48("1618", "1619", "1620"), (stryMutAct_9fa48("1622") ? linked !== undefined : stryMutAct_9fa48("1621") ? true : (stryCov_9fa48("1621", "1622"), linked === undefined)) && (stryMutAct_9fa48("1624") ? v === false : stryMutAct_9fa48("1623") ? true : (stryCov_9fa48("1623", "1624"), v !== (stryMutAct_9fa48("1625") ? true : (stryCov_9fa48("1625"), false)))))) {
                    if (stryMutAct_9fa48("1626")) {
                      {}
                    } else {
                      stryCov_9fa48("1626");
                      if (stryMutAct_9fa48("1627")) {
                        ;
                      } else {
                        stryCov_9fa48("1627");
                        verdicts.push(undefined);
                      } // may be this bucket's configuration, and may comply
                    }
                  }
                }
              }
              return stryMutAct_9fa48("1628") ? {} : (stryCov_9fa48("1628"), {
                ok: any(verdicts),
                count: verdicts.length
              });
            }
          };
          // A bucket that may be a log target only fails when even SSE-S3 is missing.
          const {
            ok,
            count
          } = verdict(stryMutAct_9fa48("1631") ? logTarget === false : stryMutAct_9fa48("1630") ? false : stryMutAct_9fa48("1629") ? true : (stryCov_9fa48("1629", "1630", "1631"), logTarget !== (stryMutAct_9fa48("1632") ? true : (stryCov_9fa48("1632"), false))));
          if (stryMutAct_9fa48("1635") ? ok !== false : stryMutAct_9fa48("1634") ? false : stryMutAct_9fa48("1633") ? true : (stryCov_9fa48("1633", "1634", "1635"), ok === (stryMutAct_9fa48("1636") ? true : (stryCov_9fa48("1636"), false)))) {
            if (stryMutAct_9fa48("1637")) {
              {}
            } else {
              stryCov_9fa48("1637");
              report((stryMutAct_9fa48("1641") ? count !== 0 : stryMutAct_9fa48("1640") ? false : stryMutAct_9fa48("1639") ? true : (stryCov_9fa48("1639", "1640", "1641"), count === 0)) ? stryMutAct_9fa48("1642") ? `` : (stryCov_9fa48("1642"), `bucket ${bucket.name} has no default encryption configuration.`) : (stryMutAct_9fa48("1645") ? logTarget !== true : stryMutAct_9fa48("1644") ? false : stryMutAct_9fa48("1643") ? true : (stryCov_9fa48("1643", "1644", "1645"), logTarget === (stryMutAct_9fa48("1646") ? false : (stryCov_9fa48("1646"), true)))) ? stryMutAct_9fa48("1647") ? `` : (stryCov_9fa48("1647"), `access-log bucket ${bucket.name} has no default encryption (SSE-S3 or SSE-KMS).`) : stryMutAct_9fa48("1648") ? `` : (stryCov_9fa48("1648"), `bucket ${bucket.name} does not encrypt with SSE-KMS and a customer managed key by default.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});
function defaultsVerdict(defaults: unknown[] | undefined, s3Ok: boolean): Tri {
  if (stryMutAct_9fa48("1649")) {
    {}
  } else {
    stryCov_9fa48("1649");
    return (stryMutAct_9fa48("1652") ? defaults !== undefined : stryMutAct_9fa48("1651") ? false : stryMutAct_9fa48("1650") ? true : (stryCov_9fa48("1650", "1651", "1652"), defaults === undefined)) ? undefined : any(defaults.map(stryMutAct_9fa48("1653") ? () => undefined : (stryCov_9fa48("1653"), d => encryptsWithCmk(d, s3Ok))));
  }
}

/** One EBS volume definition: encrypted (boolean, or "true" in launch templates) with a customer managed key. */
function volumeProblems(volume: unknown, label: string): string[] {
  if (stryMutAct_9fa48("1654")) {
    {}
  } else {
    stryCov_9fa48("1654");
    if (stryMutAct_9fa48("1657") ? false : stryMutAct_9fa48("1656") ? true : stryMutAct_9fa48("1655") ? isObject(volume) : (stryCov_9fa48("1655", "1656", "1657"), !isObject(volume))) {
      if (stryMutAct_9fa48("1658")) {
        {}
      } else {
        stryCov_9fa48("1658");
        return stryMutAct_9fa48("1659") ? ["Stryker was here"] : (stryCov_9fa48("1659"), []); // absent, null or unknown
      }
    }
    const v = volume as {
      encrypted?: unknown;
      kmsKeyId?: unknown;
    };
    const problems: string[] = stryMutAct_9fa48("1660") ? ["Stryker was here"] : (stryCov_9fa48("1660"), []);
    if (stryMutAct_9fa48("1663") ? test(v.encrypted, e => e === true || e === "true") !== false : stryMutAct_9fa48("1662") ? false : stryMutAct_9fa48("1661") ? true : (stryCov_9fa48("1661", "1662", "1663"), test(v.encrypted, stryMutAct_9fa48("1664") ? () => undefined : (stryCov_9fa48("1664"), e => stryMutAct_9fa48("1667") ? e === true && e === "true" : stryMutAct_9fa48("1666") ? false : stryMutAct_9fa48("1665") ? true : (stryCov_9fa48("1665", "1666", "1667"), (stryMutAct_9fa48("1669") ? e !== true : stryMutAct_9fa48("1668") ? false : (stryCov_9fa48("1668", "1669"), e === (stryMutAct_9fa48("1670") ? false : (stryCov_9fa48("1670"), true)))) || (stryMutAct_9fa48("1672") ? e !== "true" : stryMutAct_9fa48("1671") ? false : (stryCov_9fa48("1671", "1672"), e === (stryMutAct_9fa48("1673") ? "" : (stryCov_9fa48("1673"), "true"))))))) === (stryMutAct_9fa48("1674") ? true : (stryCov_9fa48("1674"), false)))) {
      if (stryMutAct_9fa48("1675")) {
        {}
      } else {
        stryCov_9fa48("1675");
        problems.push(stryMutAct_9fa48("1677") ? `` : (stryCov_9fa48("1677"), `${label} is not encrypted.`));
      }
    }
    if (stryMutAct_9fa48("1680") ? isCustomerManagedKey(v.kmsKeyId) !== false : stryMutAct_9fa48("1679") ? false : stryMutAct_9fa48("1678") ? true : (stryCov_9fa48("1678", "1679", "1680"), isCustomerManagedKey(v.kmsKeyId) === (stryMutAct_9fa48("1681") ? true : (stryCov_9fa48("1681"), false)))) {
      if (stryMutAct_9fa48("1682")) {
        {}
      } else {
        stryCov_9fa48("1682");
        problems.push(stryMutAct_9fa48("1684") ? `` : (stryCov_9fa48("1684"), `${label} kmsKeyId ${describeKey(v.kmsKeyId)}; use ${CMK_HINT}.`));
      }
    }
    return problems;
  }
}
export const ebsEncryption: ResourceValidationPolicy = stryMutAct_9fa48("1685") ? {} : (stryCov_9fa48("1685"), {
  name: stryMutAct_9fa48("1686") ? "" : (stryCov_9fa48("1686"), "ebs-encryption-at-rest"),
  description: (stryMutAct_9fa48("1687") ? "" : (stryCov_9fa48("1687"), "EBS volumes are encrypted with a customer managed key: the root and additional block devices of aws.ec2.Instance ")) + (stryMutAct_9fa48("1688") ? "" : (stryCov_9fa48("1688"), "(rootBlockDevice, ebsBlockDevices), the EBS mappings of aws.ec2.LaunchTemplate and aws.ebs.Volume ")) + (stryMutAct_9fa48("1689") ? "" : (stryCov_9fa48("1689"), "(encrypted = true and kmsKeyId). An instance without rootBlockDevice (and no launch template) gets an unencrypted root ")) + (stryMutAct_9fa48("1690") ? "" : (stryCov_9fa48("1690"), "volume unless the account enables encryption by default, which this pack cannot see.")),
  enforcementLevel: stryMutAct_9fa48("1691") ? "" : (stryCov_9fa48("1691"), "mandatory"),
  severity: stryMutAct_9fa48("1692") ? "" : (stryCov_9fa48("1692"), "high"),
  remediationSteps: stryMutAct_9fa48("1693") ? `` : (stryCov_9fa48("1693"), `Declare rootBlockDevice (and every ebsBlockDevices entry) with encrypted: true and kmsKeyId: <${CMK_HINT}>.`),
  ...compliance(stryMutAct_9fa48("1694") ? "" : (stryCov_9fa48("1694"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1695") ? [] : (stryCov_9fa48("1695"), [stryMutAct_9fa48("1696") ? "" : (stryCov_9fa48("1696"), "encryption"), stryMutAct_9fa48("1697") ? "" : (stryCov_9fa48("1697"), "kms"), stryMutAct_9fa48("1698") ? "" : (stryCov_9fa48("1698"), "ec2"), stryMutAct_9fa48("1699") ? "" : (stryCov_9fa48("1699"), "ebs")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("1700") ? [] : (stryCov_9fa48("1700"), [aws.ec2.Instance, aws.ec2.LaunchTemplate, aws.ebs.Volume]), stryMutAct_9fa48("1701") ? "" : (stryCov_9fa48("1701"), "EC2 instances, launch templates and EBS volumes"), (args, report) => {
    if (stryMutAct_9fa48("1702")) {
      {}
    } else {
      stryCov_9fa48("1702");
      const instance = args.asType(aws.ec2.Instance);
      if (stryMutAct_9fa48("1704") ? false : stryMutAct_9fa48("1703") ? true : (stryCov_9fa48("1703", "1704"), instance)) {
        if (stryMutAct_9fa48("1705")) {
          {}
        } else {
          stryCov_9fa48("1705");
          const p = plain(instance);
          const fromTemplate = stryMutAct_9fa48("1708") ? p.launchTemplate !== undefined || p.launchTemplate !== null : stryMutAct_9fa48("1707") ? false : stryMutAct_9fa48("1706") ? true : (stryCov_9fa48("1706", "1707", "1708"), (stryMutAct_9fa48("1710") ? p.launchTemplate === undefined : stryMutAct_9fa48("1709") ? true : (stryCov_9fa48("1709", "1710"), p.launchTemplate !== undefined)) && (stryMutAct_9fa48("1712") ? p.launchTemplate === null : stryMutAct_9fa48("1711") ? true : (stryCov_9fa48("1711", "1712"), p.launchTemplate !== null)));
          if (stryMutAct_9fa48("1715") ? p.rootBlockDevice === undefined || p.rootBlockDevice === null || !fromTemplate : stryMutAct_9fa48("1714") ? false : stryMutAct_9fa48("1713") ? true : (stryCov_9fa48("1713", "1714", "1715"), (stryMutAct_9fa48("1717") ? p.rootBlockDevice === undefined && p.rootBlockDevice === null : stryMutAct_9fa48("1716") ? true : (stryCov_9fa48("1716", "1717"), (stryMutAct_9fa48("1719") ? p.rootBlockDevice !== undefined : stryMutAct_9fa48("1718") ? false : (stryCov_9fa48("1718", "1719"), p.rootBlockDevice === undefined)) || (stryMutAct_9fa48("1721") ? p.rootBlockDevice !== null : stryMutAct_9fa48("1720") ? false : (stryCov_9fa48("1720", "1721"), p.rootBlockDevice === null)))) && (stryMutAct_9fa48("1722") ? fromTemplate : (stryCov_9fa48("1722"), !fromTemplate)))) {
            if (stryMutAct_9fa48("1723")) {
              {}
            } else {
              stryCov_9fa48("1723");
              report(stryMutAct_9fa48("1725") ? "" : (stryCov_9fa48("1725"), "rootBlockDevice is not declared: the root volume (system, logs, caches) would be unencrypted."));
            }
          } else {
            if (stryMutAct_9fa48("1726")) {
              {}
            } else {
              stryCov_9fa48("1726");
              volumeProblems(p.rootBlockDevice, stryMutAct_9fa48("1728") ? "" : (stryCov_9fa48("1728"), "rootBlockDevice")).forEach(stryMutAct_9fa48("1729") ? () => undefined : (stryCov_9fa48("1729"), m => report(m)));
            }
          }
          // An unknown list (the sentinel) is one unknown volume, skipped.
          asArray(p.ebsBlockDevices).forEach(stryMutAct_9fa48("1731") ? () => undefined : (stryCov_9fa48("1731"), (d, i) => volumeProblems(d, stryMutAct_9fa48("1732") ? `` : (stryCov_9fa48("1732"), `ebsBlockDevices[${i}]`)).forEach(stryMutAct_9fa48("1733") ? () => undefined : (stryCov_9fa48("1733"), m => report(m)))));
          return;
        }
      }
      const template = args.asType(aws.ec2.LaunchTemplate);
      if (stryMutAct_9fa48("1735") ? false : stryMutAct_9fa48("1734") ? true : (stryCov_9fa48("1734", "1735"), template)) {
        if (stryMutAct_9fa48("1736")) {
          {}
        } else {
          stryCov_9fa48("1736");
          const p = plain(template);
          // Unknown lists or mappings (the sentinel) and mappings without ebs are skipped.
          if (stryMutAct_9fa48("1737")) {
            ;
          } else {
            stryCov_9fa48("1737");
            asArray(p.blockDeviceMappings).forEach((m, i) => {
              if (stryMutAct_9fa48("1738")) {
                {}
              } else {
                stryCov_9fa48("1738");
                const ebs = isObject(m) ? (m as {
                  ebs?: unknown;
                }).ebs : undefined;
                volumeProblems(ebs, stryMutAct_9fa48("1740") ? `` : (stryCov_9fa48("1740"), `blockDeviceMappings[${i}].ebs`)).forEach(stryMutAct_9fa48("1741") ? () => undefined : (stryCov_9fa48("1741"), x => report(x)));
              }
            });
          }
          return;
        }
      }
      volumeProblems(plain(args.asType(aws.ebs.Volume)!), stryMutAct_9fa48("1743") ? "" : (stryCov_9fa48("1743"), "the volume")).forEach(stryMutAct_9fa48("1744") ? () => undefined : (stryCov_9fa48("1744"), m => report(m)));
    }
  })
});
export const opensearchEncryptionAtRest: ResourceValidationPolicy = stryMutAct_9fa48("1745") ? {} : (stryCov_9fa48("1745"), {
  name: stryMutAct_9fa48("1746") ? "" : (stryCov_9fa48("1746"), "opensearch-encryption-at-rest"),
  description: stryMutAct_9fa48("1747") ? "" : (stryCov_9fa48("1747"), "OpenSearch domains (application and audit logs) encrypt data at rest with a customer managed key: encryptAtRest.enabled = true and encryptAtRest.kmsKeyId."),
  enforcementLevel: stryMutAct_9fa48("1748") ? "" : (stryCov_9fa48("1748"), "mandatory"),
  severity: stryMutAct_9fa48("1749") ? "" : (stryCov_9fa48("1749"), "high"),
  remediationSteps: stryMutAct_9fa48("1750") ? `` : (stryCov_9fa48("1750"), `Set encryptAtRest: { enabled: true, kmsKeyId: <${CMK_HINT}> } (changing it replaces the domain).`),
  ...compliance(stryMutAct_9fa48("1751") ? "" : (stryCov_9fa48("1751"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1752") ? [] : (stryCov_9fa48("1752"), [stryMutAct_9fa48("1753") ? "" : (stryCov_9fa48("1753"), "encryption"), stryMutAct_9fa48("1754") ? "" : (stryCov_9fa48("1754"), "kms"), stryMutAct_9fa48("1755") ? "" : (stryCov_9fa48("1755"), "opensearch")])),
  validateResource: validateResourceOfType(aws.opensearch.Domain, (domain, args, report) => {
    if (stryMutAct_9fa48("1756")) {
      {}
    } else {
      stryCov_9fa48("1756");
      const e = plain(domain).encryptAtRest;
      if (stryMutAct_9fa48("1758") ? false : stryMutAct_9fa48("1757") ? true : (stryCov_9fa48("1757", "1758"), isUnknown(e))) {
        if (stryMutAct_9fa48("1759")) {
          {}
        } else {
          stryCov_9fa48("1759");
          return;
        }
      }
      if (stryMutAct_9fa48("1762") ? test(e?.enabled, v => v === true) !== false : stryMutAct_9fa48("1761") ? false : stryMutAct_9fa48("1760") ? true : (stryCov_9fa48("1760", "1761", "1762"), test(stryMutAct_9fa48("1763") ? e.enabled : (stryCov_9fa48("1763"), e?.enabled), stryMutAct_9fa48("1764") ? () => undefined : (stryCov_9fa48("1764"), v => stryMutAct_9fa48("1767") ? v !== true : stryMutAct_9fa48("1766") ? false : stryMutAct_9fa48("1765") ? true : (stryCov_9fa48("1765", "1766", "1767"), v === (stryMutAct_9fa48("1768") ? false : (stryCov_9fa48("1768"), true))))) === (stryMutAct_9fa48("1769") ? true : (stryCov_9fa48("1769"), false)))) {
        if (stryMutAct_9fa48("1770")) {
          {}
        } else {
          stryCov_9fa48("1770");
          report(stryMutAct_9fa48("1772") ? "" : (stryCov_9fa48("1772"), "encryptAtRest.enabled is not true: indices (logs that can contain patient identifiers) would be stored unencrypted."));
        }
      }
      if (stryMutAct_9fa48("1775") ? isCustomerManagedKey(e?.kmsKeyId) !== false : stryMutAct_9fa48("1774") ? false : stryMutAct_9fa48("1773") ? true : (stryCov_9fa48("1773", "1774", "1775"), isCustomerManagedKey(stryMutAct_9fa48("1776") ? e.kmsKeyId : (stryCov_9fa48("1776"), e?.kmsKeyId)) === (stryMutAct_9fa48("1777") ? true : (stryCov_9fa48("1777"), false)))) {
        if (stryMutAct_9fa48("1778")) {
          {}
        } else {
          stryCov_9fa48("1778");
          report(stryMutAct_9fa48("1780") ? `` : (stryCov_9fa48("1780"), `encryptAtRest.kmsKeyId ${describeKey(stryMutAct_9fa48("1781") ? e.kmsKeyId : (stryCov_9fa48("1781"), e?.kmsKeyId))}; use ${CMK_HINT}.`));
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
  if (stryMutAct_9fa48("1782")) {
    {}
  } else {
    stryCov_9fa48("1782");
    return stryMutAct_9fa48("1783") ? {} : (stryCov_9fa48("1783"), {
      name: spec.name,
      description: stryMutAct_9fa48("1784") ? `` : (stryCov_9fa48("1784"), `${spec.what} are encrypted with a customer managed KMS key (${spec.argument} set, not an AWS managed alias/aws/... key). ${spec.why}`),
      enforcementLevel: stryMutAct_9fa48("1785") ? "" : (stryCov_9fa48("1785"), "mandatory"),
      severity: spec.severity,
      remediationSteps: stryMutAct_9fa48("1786") ? `` : (stryCov_9fa48("1786"), `Set ${spec.argument} to ${CMK_HINT}; the key policy must allow the service to use it.`),
      ...compliance(stryMutAct_9fa48("1787") ? "" : (stryCov_9fa48("1787"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1788") ? [] : (stryCov_9fa48("1788"), [stryMutAct_9fa48("1789") ? "" : (stryCov_9fa48("1789"), "encryption"), stryMutAct_9fa48("1790") ? "" : (stryCov_9fa48("1790"), "kms"), ...spec.topics])),
      validateResource: validateResourceOfTypes(stryMutAct_9fa48("1791") ? [] : (stryCov_9fa48("1791"), [spec.cls]), spec.what, (args, report) => {
        if (stryMutAct_9fa48("1792")) {
          {}
        } else {
          stryCov_9fa48("1792");
          const value = plain(args.props)[spec.argument];
          if (stryMutAct_9fa48("1795") ? isCustomerManagedKey(value) !== false : stryMutAct_9fa48("1794") ? false : stryMutAct_9fa48("1793") ? true : (stryCov_9fa48("1793", "1794", "1795"), isCustomerManagedKey(value) === (stryMutAct_9fa48("1796") ? true : (stryCov_9fa48("1796"), false)))) {
            if (stryMutAct_9fa48("1797")) {
              {}
            } else {
              stryCov_9fa48("1797");
              report(stryMutAct_9fa48("1799") ? `` : (stryCov_9fa48("1799"), `${spec.argument} ${describeKey(value)}.`));
            }
          }
        }
      })
    });
  }
}
export const logGroupEncryption = keyArgumentPolicy(stryMutAct_9fa48("1800") ? {} : (stryCov_9fa48("1800"), {
  name: stryMutAct_9fa48("1801") ? "" : (stryCov_9fa48("1801"), "cloudwatch-log-group-encryption"),
  cls: aws.cloudwatch.LogGroup,
  what: stryMutAct_9fa48("1802") ? "" : (stryCov_9fa48("1802"), "CloudWatch log groups"),
  argument: stryMutAct_9fa48("1803") ? "" : (stryCov_9fa48("1803"), "kmsKeyId"),
  severity: stryMutAct_9fa48("1804") ? "" : (stryCov_9fa48("1804"), "high"),
  why: stryMutAct_9fa48("1805") ? "" : (stryCov_9fa48("1805"), "Application, web server and database logs can hold patient identifiers."),
  topics: stryMutAct_9fa48("1806") ? [] : (stryCov_9fa48("1806"), [stryMutAct_9fa48("1807") ? "" : (stryCov_9fa48("1807"), "cloudwatch"), stryMutAct_9fa48("1808") ? "" : (stryCov_9fa48("1808"), "logs")])
}));
export const snsTopicEncryption = keyArgumentPolicy(stryMutAct_9fa48("1809") ? {} : (stryCov_9fa48("1809"), {
  name: stryMutAct_9fa48("1810") ? "" : (stryCov_9fa48("1810"), "sns-topic-encryption"),
  cls: aws.sns.Topic,
  what: stryMutAct_9fa48("1811") ? "" : (stryCov_9fa48("1811"), "SNS topics"),
  argument: stryMutAct_9fa48("1812") ? "" : (stryCov_9fa48("1812"), "kmsMasterKeyId"),
  severity: stryMutAct_9fa48("1813") ? "" : (stryCov_9fa48("1813"), "medium"),
  why: stryMutAct_9fa48("1814") ? "" : (stryCov_9fa48("1814"), "Alarm and backup notifications name resources and can quote log lines."),
  topics: stryMutAct_9fa48("1815") ? [] : (stryCov_9fa48("1815"), [stryMutAct_9fa48("1816") ? "" : (stryCov_9fa48("1816"), "sns")])
}));
export const secretEncryption = keyArgumentPolicy(stryMutAct_9fa48("1817") ? {} : (stryCov_9fa48("1817"), {
  name: stryMutAct_9fa48("1818") ? "" : (stryCov_9fa48("1818"), "secretsmanager-secret-encryption"),
  cls: aws.secretsmanager.Secret,
  what: stryMutAct_9fa48("1819") ? "" : (stryCov_9fa48("1819"), "Secrets Manager secrets"),
  argument: stryMutAct_9fa48("1820") ? "" : (stryCov_9fa48("1820"), "kmsKeyId"),
  severity: stryMutAct_9fa48("1821") ? "" : (stryCov_9fa48("1821"), "high"),
  why: stryMutAct_9fa48("1822") ? "" : (stryCov_9fa48("1822"), "Database and cache credentials open every patient record."),
  topics: stryMutAct_9fa48("1823") ? [] : (stryCov_9fa48("1823"), [stryMutAct_9fa48("1824") ? "" : (stryCov_9fa48("1824"), "secretsmanager")])
}));
export const backupVaultEncryption = keyArgumentPolicy(stryMutAct_9fa48("1825") ? {} : (stryCov_9fa48("1825"), {
  name: stryMutAct_9fa48("1826") ? "" : (stryCov_9fa48("1826"), "backup-vault-encryption"),
  cls: aws.backup.Vault,
  what: stryMutAct_9fa48("1827") ? "" : (stryCov_9fa48("1827"), "AWS Backup vaults"),
  argument: stryMutAct_9fa48("1828") ? "" : (stryCov_9fa48("1828"), "kmsKeyArn"),
  severity: stryMutAct_9fa48("1829") ? "" : (stryCov_9fa48("1829"), "high"),
  why: stryMutAct_9fa48("1830") ? "" : (stryCov_9fa48("1830"), "Recovery points are full copies of the databases, volumes and buckets."),
  topics: stryMutAct_9fa48("1831") ? [] : (stryCov_9fa48("1831"), [stryMutAct_9fa48("1832") ? "" : (stryCov_9fa48("1832"), "backup")])
}));
export const kmsKeyRotation: ResourceValidationPolicy = stryMutAct_9fa48("1833") ? {} : (stryCov_9fa48("1833"), {
  name: stryMutAct_9fa48("1834") ? "" : (stryCov_9fa48("1834"), "kms-key-rotation"),
  description: (stryMutAct_9fa48("1835") ? "" : (stryCov_9fa48("1835"), "Customer managed symmetric encryption keys rotate their key material automatically at least yearly ")) + (stryMutAct_9fa48("1836") ? "" : (stryCov_9fa48("1836"), "(enableKeyRotation = true, rotationPeriodInDays <= 365). Asymmetric, HMAC and external (custom key store) keys ")) + (stryMutAct_9fa48("1837") ? "" : (stryCov_9fa48("1837"), "cannot rotate automatically and are not checked.")),
  enforcementLevel: stryMutAct_9fa48("1838") ? "" : (stryCov_9fa48("1838"), "mandatory"),
  severity: stryMutAct_9fa48("1839") ? "" : (stryCov_9fa48("1839"), "medium"),
  remediationSteps: stryMutAct_9fa48("1840") ? "" : (stryCov_9fa48("1840"), "Set enableKeyRotation: true (rotationPeriodInDays between 90 and 365) on the aws.kms.Key."),
  ...compliance(stryMutAct_9fa48("1841") ? "" : (stryCov_9fa48("1841"), "164.312(a)(2)(iv)"), stryMutAct_9fa48("1842") ? [] : (stryCov_9fa48("1842"), [stryMutAct_9fa48("1843") ? "" : (stryCov_9fa48("1843"), "encryption"), stryMutAct_9fa48("1844") ? "" : (stryCov_9fa48("1844"), "kms")])),
  validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
    if (stryMutAct_9fa48("1845")) {
      {}
    } else {
      stryCov_9fa48("1845");
      const p = plain(key);
      const spec = p.customerMasterKeySpec;
      const usage = p.keyUsage;
      if (stryMutAct_9fa48("1848") ? (isUnknown(spec) || isUnknown(usage) || isUnknown(p.customKeyStoreId)) && isUnknown(p.xksKeyId) : stryMutAct_9fa48("1847") ? false : stryMutAct_9fa48("1846") ? true : (stryCov_9fa48("1846", "1847", "1848"), (stryMutAct_9fa48("1850") ? (isUnknown(spec) || isUnknown(usage)) && isUnknown(p.customKeyStoreId) : stryMutAct_9fa48("1849") ? false : (stryCov_9fa48("1849", "1850"), (stryMutAct_9fa48("1852") ? isUnknown(spec) && isUnknown(usage) : stryMutAct_9fa48("1851") ? false : (stryCov_9fa48("1851", "1852"), isUnknown(spec) || isUnknown(usage))) || isUnknown(p.customKeyStoreId))) || isUnknown(p.xksKeyId))) {
        if (stryMutAct_9fa48("1853")) {
          {}
        } else {
          stryCov_9fa48("1853");
          return;
        }
      }
      if (stryMutAct_9fa48("1856") ? ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" || (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" || p.customKeyStoreId) && p.xksKeyId : stryMutAct_9fa48("1855") ? false : stryMutAct_9fa48("1854") ? true : (stryCov_9fa48("1854", "1855", "1856"), (stryMutAct_9fa48("1858") ? ((spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" || (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") && p.customKeyStoreId : stryMutAct_9fa48("1857") ? false : (stryCov_9fa48("1857", "1858"), (stryMutAct_9fa48("1860") ? (spec ?? "SYMMETRIC_DEFAULT") !== "SYMMETRIC_DEFAULT" && (usage ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT" : stryMutAct_9fa48("1859") ? false : (stryCov_9fa48("1859", "1860"), (stryMutAct_9fa48("1862") ? (spec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" : stryMutAct_9fa48("1861") ? false : (stryCov_9fa48("1861", "1862"), (stryMutAct_9fa48("1863") ? spec && "SYMMETRIC_DEFAULT" : (stryCov_9fa48("1863"), spec ?? (stryMutAct_9fa48("1864") ? "" : (stryCov_9fa48("1864"), "SYMMETRIC_DEFAULT")))) !== (stryMutAct_9fa48("1865") ? "" : (stryCov_9fa48("1865"), "SYMMETRIC_DEFAULT")))) || (stryMutAct_9fa48("1867") ? (usage ?? "ENCRYPT_DECRYPT") === "ENCRYPT_DECRYPT" : stryMutAct_9fa48("1866") ? false : (stryCov_9fa48("1866", "1867"), (stryMutAct_9fa48("1868") ? usage && "ENCRYPT_DECRYPT" : (stryCov_9fa48("1868"), usage ?? (stryMutAct_9fa48("1869") ? "" : (stryCov_9fa48("1869"), "ENCRYPT_DECRYPT")))) !== (stryMutAct_9fa48("1870") ? "" : (stryCov_9fa48("1870"), "ENCRYPT_DECRYPT")))))) || p.customKeyStoreId)) || p.xksKeyId)) {
        if (stryMutAct_9fa48("1871")) {
          {}
        } else {
          stryCov_9fa48("1871");
          args.notApplicable(stryMutAct_9fa48("1873") ? "" : (stryCov_9fa48("1873"), "only symmetric encryption keys in AWS KMS rotate automatically"));
        }
      }
      if (stryMutAct_9fa48("1876") ? test(p.enableKeyRotation, v => v === true) !== false : stryMutAct_9fa48("1875") ? false : stryMutAct_9fa48("1874") ? true : (stryCov_9fa48("1874", "1875", "1876"), test(p.enableKeyRotation, stryMutAct_9fa48("1877") ? () => undefined : (stryCov_9fa48("1877"), v => stryMutAct_9fa48("1880") ? v !== true : stryMutAct_9fa48("1879") ? false : stryMutAct_9fa48("1878") ? true : (stryCov_9fa48("1878", "1879", "1880"), v === (stryMutAct_9fa48("1881") ? false : (stryCov_9fa48("1881"), true))))) === (stryMutAct_9fa48("1882") ? true : (stryCov_9fa48("1882"), false)))) {
        if (stryMutAct_9fa48("1883")) {
          {}
        } else {
          stryCov_9fa48("1883");
          report(stryMutAct_9fa48("1885") ? "" : (stryCov_9fa48("1885"), "enableKeyRotation is not true: the key material would never change."));
        }
      }
      // Stryker disable next-line ConditionalExpression: null <= 365 holds too (null compares as 0)
      if (stryMutAct_9fa48("1888") ? test(p.rotationPeriodInDays, v => v === undefined || v === null || v <= 365) !== false : (stryCov_9fa48("1888"), test(p.rotationPeriodInDays, stryMutAct_9fa48("1889") ? () => undefined : (stryCov_9fa48("1889"), v => stryMutAct_9fa48("1892") ? (v === undefined || v === null) && v <= 365 : (stryCov_9fa48("1892"), (stryMutAct_9fa48("1894") ? v === undefined && v === null : (stryCov_9fa48("1894"), (stryMutAct_9fa48("1896") ? v !== undefined : (stryCov_9fa48("1896"), v === undefined)) || (stryMutAct_9fa48("1898") ? v !== null : (stryCov_9fa48("1898"), v === null)))) || (stryMutAct_9fa48("1901") ? v > 365 : stryMutAct_9fa48("1900") ? v < 365 : (stryCov_9fa48("1900", "1901"), v <= 365))))) === (stryMutAct_9fa48("1902") ? true : (stryCov_9fa48("1902"), false)))) {
        if (stryMutAct_9fa48("1903")) {
          {}
        } else {
          stryCov_9fa48("1903");
          report(stryMutAct_9fa48("1905") ? `` : (stryCov_9fa48("1905"), `rotationPeriodInDays is ${p.rotationPeriodInDays}; rotate at least every 365 days.`));
        }
      }
    }
  })
});