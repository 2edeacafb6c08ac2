// @ts-nocheck
// Audit controls: activity on the systems that hold patient data is
// recorded, protected and kept (HIPAA 164.312(b), LGPD art. 46).
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
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { isCustomerManagedKey } from "./lib/validate";
import { isUnknown, knownString, plain, test } from "./lib/values";
export const cloudtrailIntegrity: ResourceValidationPolicy = stryMutAct_9fa48("338") ? {} : (stryCov_9fa48("338"), {
  name: stryMutAct_9fa48("339") ? "" : (stryCov_9fa48("339"), "cloudtrail-integrity"),
  description: (stryMutAct_9fa48("340") ? "" : (stryCov_9fa48("340"), "CloudTrail trails log every region, are switched on, sign their log files (enableLogFileValidation, so tampering is ")) + (stryMutAct_9fa48("341") ? "" : (stryCov_9fa48("341"), "detectable) and encrypt them with a customer managed key (kmsKeyId).")),
  enforcementLevel: stryMutAct_9fa48("342") ? "" : (stryCov_9fa48("342"), "mandatory"),
  severity: stryMutAct_9fa48("343") ? "" : (stryCov_9fa48("343"), "high"),
  remediationSteps: stryMutAct_9fa48("344") ? "" : (stryCov_9fa48("344"), "Set isMultiRegionTrail: true, enableLogFileValidation: true, enableLogging: true (default) and kmsKeyId to the logs key on the aws.cloudtrail.Trail."),
  ...compliance(stryMutAct_9fa48("345") ? "" : (stryCov_9fa48("345"), "164.312(b)"), stryMutAct_9fa48("346") ? [] : (stryCov_9fa48("346"), [stryMutAct_9fa48("347") ? "" : (stryCov_9fa48("347"), "audit"), stryMutAct_9fa48("348") ? "" : (stryCov_9fa48("348"), "cloudtrail")]), stryMutAct_9fa48("349") ? [] : (stryCov_9fa48("349"), [stryMutAct_9fa48("350") ? "" : (stryCov_9fa48("350"), "164.312(c)(1)")])),
  validateResource: validateResourceOfType(aws.cloudtrail.Trail, (trail, args, report) => {
    if (stryMutAct_9fa48("351")) {
      {}
    } else {
      stryCov_9fa48("351");
      const p = plain(trail);
      if (stryMutAct_9fa48("354") ? test(p.isMultiRegionTrail, v => v === true) !== false : stryMutAct_9fa48("353") ? false : stryMutAct_9fa48("352") ? true : (stryCov_9fa48("352", "353", "354"), test(p.isMultiRegionTrail, stryMutAct_9fa48("355") ? () => undefined : (stryCov_9fa48("355"), v => stryMutAct_9fa48("358") ? v !== true : stryMutAct_9fa48("357") ? false : stryMutAct_9fa48("356") ? true : (stryCov_9fa48("356", "357", "358"), v === (stryMutAct_9fa48("359") ? false : (stryCov_9fa48("359"), true))))) === (stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360"), false)))) {
        if (stryMutAct_9fa48("361")) {
          {}
        } else {
          stryCov_9fa48("361");
          report(stryMutAct_9fa48("363") ? "" : (stryCov_9fa48("363"), "isMultiRegionTrail is not true: activity in other regions (where backups are copied) would not be recorded."));
        }
      }
      if (stryMutAct_9fa48("366") ? test(p.enableLogFileValidation, v => v === true) !== false : stryMutAct_9fa48("365") ? false : stryMutAct_9fa48("364") ? true : (stryCov_9fa48("364", "365", "366"), test(p.enableLogFileValidation, stryMutAct_9fa48("367") ? () => undefined : (stryCov_9fa48("367"), v => stryMutAct_9fa48("370") ? v !== true : stryMutAct_9fa48("369") ? false : stryMutAct_9fa48("368") ? true : (stryCov_9fa48("368", "369", "370"), v === (stryMutAct_9fa48("371") ? false : (stryCov_9fa48("371"), true))))) === (stryMutAct_9fa48("372") ? true : (stryCov_9fa48("372"), false)))) {
        if (stryMutAct_9fa48("373")) {
          {}
        } else {
          stryCov_9fa48("373");
          report(stryMutAct_9fa48("375") ? "" : (stryCov_9fa48("375"), "enableLogFileValidation is not true: altered or deleted log files could not be detected."));
        }
      }
      if (stryMutAct_9fa48("378") ? test(p.enableLogging, v => v !== false) !== false : stryMutAct_9fa48("377") ? false : stryMutAct_9fa48("376") ? true : (stryCov_9fa48("376", "377", "378"), test(p.enableLogging, stryMutAct_9fa48("379") ? () => undefined : (stryCov_9fa48("379"), v => stryMutAct_9fa48("382") ? v === false : stryMutAct_9fa48("381") ? false : stryMutAct_9fa48("380") ? true : (stryCov_9fa48("380", "381", "382"), v !== (stryMutAct_9fa48("383") ? true : (stryCov_9fa48("383"), false))))) === (stryMutAct_9fa48("384") ? true : (stryCov_9fa48("384"), false)))) {
        if (stryMutAct_9fa48("385")) {
          {}
        } else {
          stryCov_9fa48("385");
          report(stryMutAct_9fa48("387") ? "" : (stryCov_9fa48("387"), "enableLogging is false: the trail records nothing."));
        }
      }
      if (stryMutAct_9fa48("390") ? isCustomerManagedKey(p.kmsKeyId) !== false : stryMutAct_9fa48("389") ? false : stryMutAct_9fa48("388") ? true : (stryCov_9fa48("388", "389", "390"), isCustomerManagedKey(p.kmsKeyId) === (stryMutAct_9fa48("391") ? true : (stryCov_9fa48("391"), false)))) {
        if (stryMutAct_9fa48("392")) {
          {}
        } else {
          stryCov_9fa48("392");
          report(stryMutAct_9fa48("394") ? "" : (stryCov_9fa48("394"), "kmsKeyId is not a customer managed key: log files would only get S3-managed encryption."));
        }
      }
    }
  })
});

/** The CloudWatch Logs export that carries an engine's audit trail. */
export function auditLogExportFor(engine: string): string | undefined {
  if (stryMutAct_9fa48("395")) {
    {}
  } else {
    stryCov_9fa48("395");
    if (stryMutAct_9fa48("397") ? false : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397"), (stryMutAct_9fa48("399") ? /^(aurora|aurora-mysql|mysql|mariadb)/ : stryMutAct_9fa48("398") ? /(aurora|aurora-mysql|mysql|mariadb)$/ : (stryCov_9fa48("398", "399"), /^(aurora|aurora-mysql|mysql|mariadb)$/)).test(engine))) {
      if (stryMutAct_9fa48("400")) {
        {}
      } else {
        stryCov_9fa48("400");
        return stryMutAct_9fa48("401") ? "" : (stryCov_9fa48("401"), "audit");
      }
    }
    if (stryMutAct_9fa48("403") ? false : stryMutAct_9fa48("402") ? true : (stryCov_9fa48("402", "403"), (stryMutAct_9fa48("405") ? /^(aurora-postgresql|postgres)/ : stryMutAct_9fa48("404") ? /(aurora-postgresql|postgres)$/ : (stryCov_9fa48("404", "405"), /^(aurora-postgresql|postgres)$/)).test(engine))) {
      if (stryMutAct_9fa48("406")) {
        {}
      } else {
        stryCov_9fa48("406");
        return stryMutAct_9fa48("407") ? "" : (stryCov_9fa48("407"), "postgresql");
      }
    }
    return undefined;
  }
}
export const databaseAuditLogs: ResourceValidationPolicy = stryMutAct_9fa48("408") ? {} : (stryCov_9fa48("408"), {
  name: stryMutAct_9fa48("409") ? "" : (stryCov_9fa48("409"), "database-audit-logs"),
  description: (stryMutAct_9fa48("410") ? "" : (stryCov_9fa48("410"), 'Aurora/RDS clusters publish their audit log to CloudWatch Logs (enabledCloudwatchLogsExports includes "audit" for ')) + (stryMutAct_9fa48("411") ? "" : (stryCov_9fa48("411"), 'the MySQL family, "postgresql" for PostgreSQL), where it is encrypted, retained and searchable for access reviews ')) + (stryMutAct_9fa48("412") ? "" : (stryCov_9fa48("412"), "of patient records.")),
  enforcementLevel: stryMutAct_9fa48("413") ? "" : (stryCov_9fa48("413"), "mandatory"),
  severity: stryMutAct_9fa48("414") ? "" : (stryCov_9fa48("414"), "medium"),
  remediationSteps: (stryMutAct_9fa48("415") ? "" : (stryCov_9fa48("415"), 'Add "audit" (and "error", "slowquery") to enabledCloudwatchLogsExports and turn the audit plugin on in the cluster ')) + (stryMutAct_9fa48("416") ? "" : (stryCov_9fa48("416"), "parameter group (server_audit_logging = 1, server_audit_events = CONNECT,QUERY_DCL,QUERY_DDL,QUERY_DML).")),
  ...compliance(stryMutAct_9fa48("417") ? "" : (stryCov_9fa48("417"), "164.312(b)"), stryMutAct_9fa48("418") ? [] : (stryCov_9fa48("418"), [stryMutAct_9fa48("419") ? "" : (stryCov_9fa48("419"), "audit"), stryMutAct_9fa48("420") ? "" : (stryCov_9fa48("420"), "rds")])),
  validateResource: validateResourceOfType(aws.rds.Cluster, (cluster, args, report) => {
    if (stryMutAct_9fa48("421")) {
      {}
    } else {
      stryCov_9fa48("421");
      const p = plain(cluster);
      const engine = knownString(p.engine);
      const wanted = engine ? auditLogExportFor(engine) : undefined;
      if (stryMutAct_9fa48("424") ? !wanted && isUnknown(p.enabledCloudwatchLogsExports) : stryMutAct_9fa48("423") ? false : stryMutAct_9fa48("422") ? true : (stryCov_9fa48("422", "423", "424"), (stryMutAct_9fa48("425") ? wanted : (stryCov_9fa48("425"), !wanted)) || isUnknown(p.enabledCloudwatchLogsExports))) {
        if (stryMutAct_9fa48("426")) {
          {}
        } else {
          stryCov_9fa48("426");
          return;
        }
      }
      const exports = stryMutAct_9fa48("427") ? p.enabledCloudwatchLogsExports && [] : (stryCov_9fa48("427"), p.enabledCloudwatchLogsExports ?? (stryMutAct_9fa48("428") ? ["Stryker was here"] : (stryCov_9fa48("428"), [])));
      if (stryMutAct_9fa48("431") ? exports.every(isUnknown) : stryMutAct_9fa48("430") ? false : stryMutAct_9fa48("429") ? true : (stryCov_9fa48("429", "430", "431"), exports.some(isUnknown))) {
        if (stryMutAct_9fa48("432")) {
          {}
        } else {
          stryCov_9fa48("432");
          return;
        }
      }
      if (stryMutAct_9fa48("435") ? false : stryMutAct_9fa48("434") ? true : stryMutAct_9fa48("433") ? exports.includes(wanted) : (stryCov_9fa48("433", "434", "435"), !exports.includes(wanted))) {
        if (stryMutAct_9fa48("436")) {
          {}
        } else {
          stryCov_9fa48("436");
          report(stryMutAct_9fa48("438") ? `` : (stryCov_9fa48("438"), `enabledCloudwatchLogsExports does not include "${wanted}": database access to patient records would not be audited.`));
        }
      }
    }
  })
});