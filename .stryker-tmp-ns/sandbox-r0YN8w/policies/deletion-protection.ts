// @ts-nocheck
// Data stores cannot be deleted by accident: by `pulumi destroy`, by a change
// that replaces them, or from the console (HIPAA 164.312(c)(1) integrity,
// 164.308(a)(7)(ii)(A) data backup; LGPD art. 46).
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
import { ResourceValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { BUCKETS } from "./lib/types";
import { ResourceClass, validateResourceOfTypes } from "./lib/validate";
import { isUnknown, knownString, plain, test } from "./lib/values";
interface DeletionProtectionConfig {
  requireDeletionProtection: boolean;
}
const DATA_STORES: ResourceClass[] = stryMutAct_9fa48("1188") ? [] : (stryCov_9fa48("1188"), [aws.rds.Cluster, aws.rds.Instance, ...BUCKETS, aws.backup.Vault, aws.opensearch.Domain, aws.kms.Key]);
export const dataStoreDeletionProtection: ResourceValidationPolicy = stryMutAct_9fa48("1189") ? {} : (stryCov_9fa48("1189"), {
  name: stryMutAct_9fa48("1190") ? "" : (stryCov_9fa48("1190"), "data-store-deletion-protection"),
  description: (stryMutAct_9fa48("1191") ? "" : (stryCov_9fa48("1191"), "Data stores (RDS clusters and instances, S3 buckets, backup vaults, OpenSearch domains, KMS keys, whose deletion ")) + (stryMutAct_9fa48("1192") ? "" : (stryCov_9fa48("1192"), "makes everything they encrypt unreadable) are protected: the `protect` resource option, plus the service's own ")) + (stryMutAct_9fa48("1193") ? "" : (stryCov_9fa48("1193"), "safeguards: RDS deletionProtection = true, skipFinalSnapshot not true and a finalSnapshotIdentifier; buckets and ")) + (stryMutAct_9fa48("1194") ? "" : (stryCov_9fa48("1194"), "vaults without forceDestroy. The pack cannot tell a stack's purpose from its resources, so the requirement is config: ")) + (stryMutAct_9fa48("1195") ? "" : (stryCov_9fa48("1195"), "requireDeletionProtection (default true) for every data store; with false (a development stack holding no patient ")) + (stryMutAct_9fa48("1196") ? "" : (stryCov_9fa48("1196"), "data) only resources marked `protect` are checked, so the service safeguards agree with the resource option.")),
  enforcementLevel: stryMutAct_9fa48("1197") ? "" : (stryCov_9fa48("1197"), "mandatory"),
  severity: stryMutAct_9fa48("1198") ? "" : (stryCov_9fa48("1198"), "high"),
  remediationSteps: (stryMutAct_9fa48("1199") ? "" : (stryCov_9fa48("1199"), "Pass `protect: true` (HmsConfig.protectData) to the resource and set deletionProtection: true, skipFinalSnapshot: false, ")) + (stryMutAct_9fa48("1200") ? "" : (stryCov_9fa48("1200"), 'finalSnapshotIdentifier: "<name>-final" on RDS; drop forceDestroy on buckets and vaults. For a stack without real data, ')) + (stryMutAct_9fa48("1201") ? "" : (stryCov_9fa48("1201"), "run the pack with --policy-pack-config policies/config/development.json (requireDeletionProtection: false).")),
  configSchema: stryMutAct_9fa48("1202") ? {} : (stryCov_9fa48("1202"), {
    properties: stryMutAct_9fa48("1203") ? {} : (stryCov_9fa48("1203"), {
      requireDeletionProtection: stryMutAct_9fa48("1204") ? {} : (stryCov_9fa48("1204"), {
        type: stryMutAct_9fa48("1205") ? "" : (stryCov_9fa48("1205"), "boolean"),
        default: stryMutAct_9fa48("1206") ? false : (stryCov_9fa48("1206"), true),
        description: stryMutAct_9fa48("1207") ? "" : (stryCov_9fa48("1207"), "Require protection of every data store (false: only resources with the protect option are checked).")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("1208") ? "" : (stryCov_9fa48("1208"), "164.312(c)(1)"), stryMutAct_9fa48("1209") ? [] : (stryCov_9fa48("1209"), [stryMutAct_9fa48("1210") ? "" : (stryCov_9fa48("1210"), "deletion-protection"), stryMutAct_9fa48("1211") ? "" : (stryCov_9fa48("1211"), "rds"), stryMutAct_9fa48("1212") ? "" : (stryCov_9fa48("1212"), "s3"), stryMutAct_9fa48("1213") ? "" : (stryCov_9fa48("1213"), "backup")]), stryMutAct_9fa48("1214") ? [] : (stryCov_9fa48("1214"), [stryMutAct_9fa48("1215") ? "" : (stryCov_9fa48("1215"), "164.308(a)(7)(ii)(A)")])),
  validateResource: validateResourceOfTypes(DATA_STORES, stryMutAct_9fa48("1216") ? "" : (stryCov_9fa48("1216"), "data stores"), (args, report) => {
    if (stryMutAct_9fa48("1217")) {
      {}
    } else {
      stryCov_9fa48("1217");
      const {
        requireDeletionProtection
      } = configWithDefaults<DeletionProtectionConfig>(dataStoreDeletionProtection.configSchema!, args.getConfig<DeletionProtectionConfig>());
      const protectedByOption = stryMutAct_9fa48("1220") ? args.opts.protect !== true : stryMutAct_9fa48("1219") ? false : stryMutAct_9fa48("1218") ? true : (stryCov_9fa48("1218", "1219", "1220"), args.opts.protect === (stryMutAct_9fa48("1221") ? false : (stryCov_9fa48("1221"), true)));
      if (stryMutAct_9fa48("1224") ? !requireDeletionProtection || !protectedByOption : stryMutAct_9fa48("1223") ? false : stryMutAct_9fa48("1222") ? true : (stryCov_9fa48("1222", "1223", "1224"), (stryMutAct_9fa48("1225") ? requireDeletionProtection : (stryCov_9fa48("1225"), !requireDeletionProtection)) && (stryMutAct_9fa48("1226") ? protectedByOption : (stryCov_9fa48("1226"), !protectedByOption)))) {
        if (stryMutAct_9fa48("1227")) {
          {}
        } else {
          stryCov_9fa48("1227");
          return;
        }
      }
      if (stryMutAct_9fa48("1230") ? false : stryMutAct_9fa48("1229") ? true : stryMutAct_9fa48("1228") ? protectedByOption : (stryCov_9fa48("1228", "1229", "1230"), !protectedByOption)) {
        if (stryMutAct_9fa48("1231")) {
          {}
        } else {
          stryCov_9fa48("1231");
          report(stryMutAct_9fa48("1233") ? "" : (stryCov_9fa48("1233"), "the `protect` resource option is not set: `pulumi destroy` or a replacing change would delete this data store."));
        }
      }
      const p = plain(args.props) as Record<string, unknown>;
      if (stryMutAct_9fa48("1236") ? args.isType(aws.rds.Cluster) && args.isType(aws.rds.Instance) : stryMutAct_9fa48("1235") ? false : stryMutAct_9fa48("1234") ? true : (stryCov_9fa48("1234", "1235", "1236"), args.isType(aws.rds.Cluster) || args.isType(aws.rds.Instance))) {
        if (stryMutAct_9fa48("1237")) {
          {}
        } else {
          stryCov_9fa48("1237");
          if (stryMutAct_9fa48("1240") ? test(p.deletionProtection, v => v === true) !== false : stryMutAct_9fa48("1239") ? false : stryMutAct_9fa48("1238") ? true : (stryCov_9fa48("1238", "1239", "1240"), test(p.deletionProtection, stryMutAct_9fa48("1241") ? () => undefined : (stryCov_9fa48("1241"), v => stryMutAct_9fa48("1244") ? v !== true : stryMutAct_9fa48("1243") ? false : stryMutAct_9fa48("1242") ? true : (stryCov_9fa48("1242", "1243", "1244"), v === (stryMutAct_9fa48("1245") ? false : (stryCov_9fa48("1245"), true))))) === (stryMutAct_9fa48("1246") ? true : (stryCov_9fa48("1246"), false)))) {
            if (stryMutAct_9fa48("1247")) {
              {}
            } else {
              stryCov_9fa48("1247");
              report(stryMutAct_9fa48("1249") ? "" : (stryCov_9fa48("1249"), "deletionProtection is not true: the database can be deleted from the console or API."));
            }
          }
          const skip = test(p.skipFinalSnapshot, stryMutAct_9fa48("1250") ? () => undefined : (stryCov_9fa48("1250"), v => stryMutAct_9fa48("1253") ? v !== true : stryMutAct_9fa48("1252") ? false : stryMutAct_9fa48("1251") ? true : (stryCov_9fa48("1251", "1252", "1253"), v === (stryMutAct_9fa48("1254") ? false : (stryCov_9fa48("1254"), true)))));
          if (stryMutAct_9fa48("1257") ? skip !== true : stryMutAct_9fa48("1256") ? false : stryMutAct_9fa48("1255") ? true : (stryCov_9fa48("1255", "1256", "1257"), skip === (stryMutAct_9fa48("1258") ? false : (stryCov_9fa48("1258"), true)))) {
            if (stryMutAct_9fa48("1259")) {
              {}
            } else {
              stryCov_9fa48("1259");
              report(stryMutAct_9fa48("1261") ? "" : (stryCov_9fa48("1261"), "skipFinalSnapshot is true: deleting the database would leave no final snapshot."));
            }
          } else if (stryMutAct_9fa48("1264") ? skip === false && !isUnknown(p.finalSnapshotIdentifier) || knownString(p.finalSnapshotIdentifier) === undefined : stryMutAct_9fa48("1263") ? false : stryMutAct_9fa48("1262") ? true : (stryCov_9fa48("1262", "1263", "1264"), (stryMutAct_9fa48("1266") ? skip === false || !isUnknown(p.finalSnapshotIdentifier) : stryMutAct_9fa48("1265") ? true : (stryCov_9fa48("1265", "1266"), (stryMutAct_9fa48("1268") ? skip !== false : stryMutAct_9fa48("1267") ? true : (stryCov_9fa48("1267", "1268"), skip === (stryMutAct_9fa48("1269") ? true : (stryCov_9fa48("1269"), false)))) && (stryMutAct_9fa48("1270") ? isUnknown(p.finalSnapshotIdentifier) : (stryCov_9fa48("1270"), !isUnknown(p.finalSnapshotIdentifier))))) && (stryMutAct_9fa48("1272") ? knownString(p.finalSnapshotIdentifier) !== undefined : stryMutAct_9fa48("1271") ? true : (stryCov_9fa48("1271", "1272"), knownString(p.finalSnapshotIdentifier) === undefined)))) {
            if (stryMutAct_9fa48("1273")) {
              {}
            } else {
              stryCov_9fa48("1273");
              report(stryMutAct_9fa48("1275") ? "" : (stryCov_9fa48("1275"), "finalSnapshotIdentifier is not set: deleting the database fails instead of taking a final snapshot."));
            }
          }
        }
      } else if (stryMutAct_9fa48("1278") ? args.isType(aws.backup.Vault) && BUCKETS.some(b => args.isType(b)) : stryMutAct_9fa48("1277") ? false : stryMutAct_9fa48("1276") ? true : (stryCov_9fa48("1276", "1277", "1278"), args.isType(aws.backup.Vault) || (stryMutAct_9fa48("1279") ? BUCKETS.every(b => args.isType(b)) : (stryCov_9fa48("1279"), BUCKETS.some(stryMutAct_9fa48("1280") ? () => undefined : (stryCov_9fa48("1280"), b => args.isType(b))))))) {
        if (stryMutAct_9fa48("1281")) {
          {}
        } else {
          stryCov_9fa48("1281");
          if (stryMutAct_9fa48("1284") ? test(p.forceDestroy, v => v === true) !== true : stryMutAct_9fa48("1283") ? false : stryMutAct_9fa48("1282") ? true : (stryCov_9fa48("1282", "1283", "1284"), test(p.forceDestroy, stryMutAct_9fa48("1285") ? () => undefined : (stryCov_9fa48("1285"), v => stryMutAct_9fa48("1288") ? v !== true : stryMutAct_9fa48("1287") ? false : stryMutAct_9fa48("1286") ? true : (stryCov_9fa48("1286", "1287", "1288"), v === (stryMutAct_9fa48("1289") ? false : (stryCov_9fa48("1289"), true))))) === (stryMutAct_9fa48("1290") ? false : (stryCov_9fa48("1290"), true)))) {
            if (stryMutAct_9fa48("1291")) {
              {}
            } else {
              stryCov_9fa48("1291");
              report(stryMutAct_9fa48("1293") ? "" : (stryCov_9fa48("1293"), "forceDestroy is true: deleting the resource would first delete every object or recovery point in it."));
            }
          }
        }
      }
    }
  })
});