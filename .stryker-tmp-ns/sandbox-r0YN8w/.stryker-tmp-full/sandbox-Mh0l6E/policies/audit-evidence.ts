// @ts-nocheck
// 
// Audit evidence cannot be destroyed: the buckets CloudTrail writes to are
// Object-Locked for the evidence retention, and their bucket policy denies
// deleting objects or cutting retention short to everyone but an exempted
// (break-glass) principal (HIPAA 164.312(b) audit controls, 164.312(c)(1)
// integrity; LGPD art. 46).
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
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { bucketIdentities, propsOf, refersTo, tagValue } from "./lib/resources";
import { BUCKETS } from "./lib/types";
import { isAnyOf } from "./lib/validate";
import { any, asArray, hasUnknown, isUnknown, parseJsonDocument, Tri } from "./lib/values";

/** The `Purpose` tag of buckets that hold audit logs (CloudTrail and its replicas). */
const AUDIT_PURPOSE = stryMutAct_9fa48("91") ? /cloudtrail-audit-logs/ : (stryCov_9fa48("91"), /^cloudtrail-audit-logs/);

/** Deleting any of these must be denied (object versions are the evidence; a delete marker alone hides nothing). */
const MUST_DENY = ["s3:DeleteObjectVersion", "s3:BypassGovernanceRetention", "s3:PutObjectRetention"] as const;
export interface AuditEvidenceConfig {
  minimumLockDays: number;
}

/** Whether a statement's action list covers `action` (exact, or a trailing-wildcard prefix: `s3:Delete*`, `s3:*`, `*`). */
function covers(actions: unknown, action: string): boolean {
  if (stryMutAct_9fa48("92")) {
    {}
  } else {
    stryCov_9fa48("92");
    // `*` is the trailing-wildcard prefix "" (covers everything).
    return stryMutAct_9fa48("93") ? asArray(actions).every(a => {
      const pattern = String(a);
      return pattern === action || pattern.endsWith("*") && action.startsWith(pattern.slice(0, -1));
    }) : (stryCov_9fa48("93"), asArray(actions).some(a => {
      if (stryMutAct_9fa48("94")) {
        {}
      } else {
        stryCov_9fa48("94");
        const pattern = String(a);
        return stryMutAct_9fa48("97") ? pattern === action && pattern.endsWith("*") && action.startsWith(pattern.slice(0, -1)) : stryMutAct_9fa48("96") ? false : stryMutAct_9fa48("95") ? true : (stryCov_9fa48("95", "96", "97"), (stryMutAct_9fa48("99") ? pattern !== action : stryMutAct_9fa48("98") ? false : (stryCov_9fa48("98", "99"), pattern === action)) || (stryMutAct_9fa48("101") ? pattern.endsWith("*") || action.startsWith(pattern.slice(0, -1)) : stryMutAct_9fa48("100") ? false : (stryCov_9fa48("100", "101"), (stryMutAct_9fa48("102") ? pattern.startsWith("*") : (stryCov_9fa48("102"), pattern.endsWith(stryMutAct_9fa48("103") ? "" : (stryCov_9fa48("103"), "*")))) && (stryMutAct_9fa48("104") ? action.endsWith(pattern.slice(0, -1)) : (stryCov_9fa48("104"), action.startsWith(stryMutAct_9fa48("105") ? pattern : (stryCov_9fa48("105"), pattern.slice(0, stryMutAct_9fa48("106") ? +1 : (stryCov_9fa48("106"), -1)))))))));
      }
    }));
  }
}

/**
 * Days of a lock rule's default retention (years count 365 days); 0 without a
 * default retention (new log versions are not locked); undefined when unknown.
 */
function lockDays(rule: unknown): number | undefined {
  if (stryMutAct_9fa48("107")) {
    {}
  } else {
    stryCov_9fa48("107");
    if (stryMutAct_9fa48("109") ? false : stryMutAct_9fa48("108") ? true : (stryCov_9fa48("108", "109"), hasUnknown(rule))) {
      if (stryMutAct_9fa48("110")) {
        {}
      } else {
        stryCov_9fa48("110");
        return undefined;
      }
    }
    const d = stryMutAct_9fa48("111") ? (rule as {
      defaultRetention?: {
        days?: unknown;
        years?: unknown;
      };
    } | null | undefined).defaultRetention : (stryCov_9fa48("111"), (rule as {
      defaultRetention?: {
        days?: unknown;
        years?: unknown;
      };
    } | null | undefined)?.defaultRetention);
    return (stryMutAct_9fa48("114") ? typeof d?.days !== "number" : stryMutAct_9fa48("113") ? false : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113", "114"), typeof (stryMutAct_9fa48("115") ? d.days : (stryCov_9fa48("115"), d?.days)) === (stryMutAct_9fa48("116") ? "" : (stryCov_9fa48("116"), "number")))) ? d.days : (stryMutAct_9fa48("119") ? typeof d?.years !== "number" : stryMutAct_9fa48("118") ? false : stryMutAct_9fa48("117") ? true : (stryCov_9fa48("117", "118", "119"), typeof (stryMutAct_9fa48("120") ? d.years : (stryCov_9fa48("120"), d?.years)) === (stryMutAct_9fa48("121") ? "" : (stryCov_9fa48("121"), "number")))) ? stryMutAct_9fa48("122") ? d.years / 365 : (stryCov_9fa48("122"), d.years * 365) : 0;
  }
}

/** Buckets that hold audit logs: a trail writes to them, or they are tagged as its copy. */
function auditBuckets(resources: PolicyResource[]): PolicyResource[] {
  if (stryMutAct_9fa48("123")) {
    {}
  } else {
    stryCov_9fa48("123");
    const trails = stryMutAct_9fa48("124") ? resources : (stryCov_9fa48("124"), resources.filter(stryMutAct_9fa48("125") ? () => undefined : (stryCov_9fa48("125"), r => r.isType(aws.cloudtrail.Trail))));
    return stryMutAct_9fa48("126") ? resources : (stryCov_9fa48("126"), resources.filter(b => {
      if (stryMutAct_9fa48("127")) {
        {}
      } else {
        stryCov_9fa48("127");
        if (stryMutAct_9fa48("130") ? false : stryMutAct_9fa48("129") ? true : stryMutAct_9fa48("128") ? isAnyOf(b, BUCKETS) : (stryCov_9fa48("128", "129", "130"), !isAnyOf(b, BUCKETS))) {
          if (stryMutAct_9fa48("131")) {
            {}
          } else {
            stryCov_9fa48("131");
            return stryMutAct_9fa48("132") ? true : (stryCov_9fa48("132"), false);
          }
        }
        const purpose = tagValue(b, stryMutAct_9fa48("133") ? "" : (stryCov_9fa48("133"), "Purpose"));
        // Stryker disable next-line ConditionalExpression,LogicalOperator: RegExp.test(null or undefined) tests "null"/"undefined", which do not match
        if ((stryMutAct_9fa48("138") ? typeof purpose !== "string" : (stryCov_9fa48("138"), typeof purpose === (stryMutAct_9fa48("139") ? "" : (stryCov_9fa48("139"), "string")))) && AUDIT_PURPOSE.test(purpose)) {
          if (stryMutAct_9fa48("140")) {
            {}
          } else {
            stryCov_9fa48("140");
            return stryMutAct_9fa48("141") ? false : (stryCov_9fa48("141"), true);
          }
        }
        return stryMutAct_9fa48("142") ? trails.every(t => refersTo(t, "s3BucketName", b, bucketIdentities(b)) === true) : (stryCov_9fa48("142"), trails.some(stryMutAct_9fa48("143") ? () => undefined : (stryCov_9fa48("143"), t => stryMutAct_9fa48("146") ? refersTo(t, "s3BucketName", b, bucketIdentities(b)) !== true : stryMutAct_9fa48("145") ? false : stryMutAct_9fa48("144") ? true : (stryCov_9fa48("144", "145", "146"), refersTo(t, stryMutAct_9fa48("147") ? "" : (stryCov_9fa48("147"), "s3BucketName"), b, bucketIdentities(b)) === (stryMutAct_9fa48("148") ? false : (stryCov_9fa48("148"), true))))));
      }
    }));
  }
}

/** The lock verdict of a bucket: an Object Lock configuration (or inline setting) with at least `minDays` of default retention. */
function lockVerdict(bucket: PolicyResource, resources: PolicyResource[], minDays: number): {
  ok: Tri;
  why: string;
} {
  if (stryMutAct_9fa48("149")) {
    {}
  } else {
    stryCov_9fa48("149");
    const configs = stryMutAct_9fa48("150") ? resources : (stryCov_9fa48("150"), resources.filter(stryMutAct_9fa48("151") ? () => undefined : (stryCov_9fa48("151"), r => stryMutAct_9fa48("154") ? r.isType(aws.s3.BucketObjectLockConfiguration) && r.isType(aws.s3.BucketObjectLockConfigurationV2) : stryMutAct_9fa48("153") ? false : stryMutAct_9fa48("152") ? true : (stryCov_9fa48("152", "153", "154"), r.isType(aws.s3.BucketObjectLockConfiguration) || r.isType(aws.s3.BucketObjectLockConfigurationV2)))));
    // Stryker disable next-line ArrayDeclaration: any() reads only true and undefined, so a non-Tri seed element changes nothing
    const verdicts: Tri[] = [];
    let why = stryMutAct_9fa48("156") ? "" : (stryCov_9fa48("156"), "has no Object Lock configuration");
    for (const c of configs) {
      if (stryMutAct_9fa48("157")) {
        {}
      } else {
        stryCov_9fa48("157");
        const linked = refersTo(c, stryMutAct_9fa48("158") ? "" : (stryCov_9fa48("158"), "bucket"), bucket, bucketIdentities(bucket));
        if (stryMutAct_9fa48("161") ? linked !== false : stryMutAct_9fa48("160") ? false : stryMutAct_9fa48("159") ? true : (stryCov_9fa48("159", "160", "161"), linked === (stryMutAct_9fa48("162") ? true : (stryCov_9fa48("162"), false)))) {
          if (stryMutAct_9fa48("163")) {
            {}
          } else {
            stryCov_9fa48("163");
            continue;
          }
        }
        const p = propsOf(c);
        const days = lockDays(p.rule);
        const enabled = isUnknown(p.objectLockEnabled) ? undefined : stryMutAct_9fa48("166") ? p.objectLockEnabled === "Disabled" : stryMutAct_9fa48("165") ? false : stryMutAct_9fa48("164") ? true : (stryCov_9fa48("164", "165", "166"), p.objectLockEnabled !== (stryMutAct_9fa48("167") ? "" : (stryCov_9fa48("167"), "Disabled")));
        const v: Tri = (stryMutAct_9fa48("170") ? enabled !== false : stryMutAct_9fa48("169") ? false : stryMutAct_9fa48("168") ? true : (stryCov_9fa48("168", "169", "170"), enabled === (stryMutAct_9fa48("171") ? true : (stryCov_9fa48("171"), false)))) ? stryMutAct_9fa48("172") ? true : (stryCov_9fa48("172"), false) : (stryMutAct_9fa48("175") ? days !== undefined : stryMutAct_9fa48("174") ? false : stryMutAct_9fa48("173") ? true : (stryCov_9fa48("173", "174", "175"), days === undefined)) ? undefined : stryMutAct_9fa48("179") ? days < minDays : stryMutAct_9fa48("178") ? days > minDays : stryMutAct_9fa48("177") ? false : stryMutAct_9fa48("176") ? true : (stryCov_9fa48("176", "177", "178", "179"), days >= minDays);
        // Stryker disable next-line ConditionalExpression: `why` is read only when every verdict is false
        if (stryMutAct_9fa48("182") ? v !== false : (stryCov_9fa48("182"), v === (stryMutAct_9fa48("183") ? true : (stryCov_9fa48("183"), false)))) {
          if (stryMutAct_9fa48("184")) {
            {}
          } else {
            stryCov_9fa48("184");
            why = (stryMutAct_9fa48("187") ? enabled !== false : stryMutAct_9fa48("186") ? false : stryMutAct_9fa48("185") ? true : (stryCov_9fa48("185", "186", "187"), enabled === (stryMutAct_9fa48("188") ? true : (stryCov_9fa48("188"), false)))) ? stryMutAct_9fa48("189") ? "" : (stryCov_9fa48("189"), "has Object Lock disabled") : stryMutAct_9fa48("190") ? `` : (stryCov_9fa48("190"), `keeps objects locked ${days} days, fewer than ${minDays}`);
          }
        }
        verdicts.push((stryMutAct_9fa48("194") ? linked !== true : stryMutAct_9fa48("193") ? false : stryMutAct_9fa48("192") ? true : (stryCov_9fa48("192", "193", "194"), linked === (stryMutAct_9fa48("195") ? false : (stryCov_9fa48("195"), true)))) ? v : (stryMutAct_9fa48("198") ? v !== false : stryMutAct_9fa48("197") ? false : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197", "198"), v === (stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199"), false)))) ? stryMutAct_9fa48("200") ? true : (stryCov_9fa48("200"), false) : undefined);
      }
    }
    return stryMutAct_9fa48("201") ? {} : (stryCov_9fa48("201"), {
      ok: any(verdicts),
      why
    });
  }
}

/** Whether the bucket's policy denies `action` on its objects to every principal but an exempted one (condition on aws:PrincipalArn only). */
function denyVerdict(bucket: PolicyResource, resources: PolicyResource[], action: string): Tri {
  if (stryMutAct_9fa48("202")) {
    {}
  } else {
    stryCov_9fa48("202");
    const policies = stryMutAct_9fa48("203") ? resources : (stryCov_9fa48("203"), resources.filter(stryMutAct_9fa48("204") ? () => undefined : (stryCov_9fa48("204"), r => r.isType(aws.s3.BucketPolicy))));
    // Stryker disable next-line ArrayDeclaration: any() reads only true and undefined, so a non-Tri seed element changes nothing
    const verdicts: Tri[] = [];
    for (const policy of policies) {
      if (stryMutAct_9fa48("206")) {
        {}
      } else {
        stryCov_9fa48("206");
        const linked = refersTo(policy, stryMutAct_9fa48("207") ? "" : (stryCov_9fa48("207"), "bucket"), bucket, bucketIdentities(bucket));
        if (stryMutAct_9fa48("210") ? linked !== false : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), linked === (stryMutAct_9fa48("211") ? true : (stryCov_9fa48("211"), false)))) {
          if (stryMutAct_9fa48("212")) {
            {}
          } else {
            stryCov_9fa48("212");
            continue;
          }
        }
        const doc = parseJsonDocument(propsOf(policy).policy);
        if (stryMutAct_9fa48("215") ? false : stryMutAct_9fa48("214") ? true : stryMutAct_9fa48("213") ? doc : (stryCov_9fa48("213", "214", "215"), !doc)) {
          if (stryMutAct_9fa48("216")) {
            {}
          } else {
            stryCov_9fa48("216");
            if (stryMutAct_9fa48("217")) {
              ;
            } else {
              stryCov_9fa48("217");
              verdicts.push(undefined);
            }
            continue;
          }
        }
        // A statement that does not deny but holds unknown values might once they are known.
        const ok = any(asArray(doc.Statement).map(stryMutAct_9fa48("218") ? () => undefined : (stryCov_9fa48("218"), (s): Tri => deniesTampering(s, action) ? stryMutAct_9fa48("219") ? false : (stryCov_9fa48("219"), true) : hasUnknown(s) ? undefined : stryMutAct_9fa48("220") ? true : (stryCov_9fa48("220"), false))));
        // Linked or not (a policy of a bucket not known yet), a policy that does not deny leaves
        // this bucket without the deny; one that denies passes it either way (only false fails).
        if (stryMutAct_9fa48("221")) {
          ;
        } else {
          stryCov_9fa48("221");
          verdicts.push(ok);
        }
      }
    }
    return any(verdicts);
  }
}

/** Whether a policy statement denies `action` on objects to every principal but one exempted by aws:PrincipalArn. */
function deniesTampering(s: unknown, action: string): boolean {
  if (stryMutAct_9fa48("222")) {
    {}
  } else {
    stryCov_9fa48("222");
    const st = (s ?? {}) as Record<string, unknown>;
    if (stryMutAct_9fa48("225") ? st.Effect !== "Deny" && !covers(st.Action, action) : stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), (stryMutAct_9fa48("227") ? st.Effect === "Deny" : stryMutAct_9fa48("226") ? false : (stryCov_9fa48("226", "227"), st.Effect !== (stryMutAct_9fa48("228") ? "" : (stryCov_9fa48("228"), "Deny")))) || (stryMutAct_9fa48("229") ? covers(st.Action, action) : (stryCov_9fa48("229"), !covers(st.Action, action))))) {
      if (stryMutAct_9fa48("230")) {
        {}
      } else {
        stryCov_9fa48("230");
        return stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231"), false);
      }
    }
    const principalAll = stryMutAct_9fa48("234") ? st.Principal === "*" && JSON.stringify(st.Principal) === JSON.stringify({
      AWS: "*"
    }) : stryMutAct_9fa48("233") ? false : stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232", "233", "234"), (stryMutAct_9fa48("236") ? st.Principal !== "*" : stryMutAct_9fa48("235") ? false : (stryCov_9fa48("235", "236"), st.Principal === (stryMutAct_9fa48("237") ? "" : (stryCov_9fa48("237"), "*")))) || (stryMutAct_9fa48("239") ? JSON.stringify(st.Principal) !== JSON.stringify({
      AWS: "*"
    }) : stryMutAct_9fa48("238") ? false : (stryCov_9fa48("238", "239"), JSON.stringify(st.Principal) === JSON.stringify(stryMutAct_9fa48("240") ? {} : (stryCov_9fa48("240"), {
      AWS: stryMutAct_9fa48("241") ? "" : (stryCov_9fa48("241"), "*")
    })))));
    const conditions = Object.entries(stryMutAct_9fa48("242") ? st.Condition as Record<string, Record<string, unknown>> | undefined && {} : (stryCov_9fa48("242"), st.Condition as Record<string, Record<string, unknown>> | undefined ?? {}));
    const onlyPrincipalExemption = stryMutAct_9fa48("243") ? conditions.some(([op, keys]) => /^(Arn|String)Not(Equals|Like)$/.test(op) && Object.keys(keys ?? {}).every(k => k === "aws:PrincipalArn")) : (stryCov_9fa48("243"), conditions.every(stryMutAct_9fa48("244") ? () => undefined : (stryCov_9fa48("244"), ([op, keys]) => stryMutAct_9fa48("247") ? /^(Arn|String)Not(Equals|Like)$/.test(op) || Object.keys(keys ?? {}).every(k => k === "aws:PrincipalArn") : stryMutAct_9fa48("246") ? false : stryMutAct_9fa48("245") ? true : (stryCov_9fa48("245", "246", "247"), (stryMutAct_9fa48("249") ? /^(Arn|String)Not(Equals|Like)/ : stryMutAct_9fa48("248") ? /(Arn|String)Not(Equals|Like)$/ : (stryCov_9fa48("248", "249"), /^(Arn|String)Not(Equals|Like)$/)).test(op) && (stryMutAct_9fa48("250") ? Object.keys(keys ?? {}).some(k => k === "aws:PrincipalArn") : (stryCov_9fa48("250"), Object.keys(stryMutAct_9fa48("251") ? keys && {} : (stryCov_9fa48("251"), keys ?? {})).every(stryMutAct_9fa48("252") ? () => undefined : (stryCov_9fa48("252"), k => stryMutAct_9fa48("255") ? k !== "aws:PrincipalArn" : stryMutAct_9fa48("254") ? false : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254", "255"), k === (stryMutAct_9fa48("256") ? "" : (stryCov_9fa48("256"), "aws:PrincipalArn")))))))))));
    const objects = stryMutAct_9fa48("257") ? asArray(st.Resource).every(r => String(r).endsWith("/*") || r === "*") : (stryCov_9fa48("257"), asArray(st.Resource).some(stryMutAct_9fa48("258") ? () => undefined : (stryCov_9fa48("258"), r => stryMutAct_9fa48("261") ? String(r).endsWith("/*") && r === "*" : stryMutAct_9fa48("260") ? false : stryMutAct_9fa48("259") ? true : (stryCov_9fa48("259", "260", "261"), (stryMutAct_9fa48("262") ? String(r).startsWith("/*") : (stryCov_9fa48("262"), String(r).endsWith(stryMutAct_9fa48("263") ? "" : (stryCov_9fa48("263"), "/*")))) || (stryMutAct_9fa48("265") ? r !== "*" : stryMutAct_9fa48("264") ? false : (stryCov_9fa48("264", "265"), r === (stryMutAct_9fa48("266") ? "" : (stryCov_9fa48("266"), "*"))))))));
    return stryMutAct_9fa48("269") ? principalAll && onlyPrincipalExemption || objects || isUnknown(st.Resource) : stryMutAct_9fa48("268") ? false : stryMutAct_9fa48("267") ? true : (stryCov_9fa48("267", "268", "269"), (stryMutAct_9fa48("271") ? principalAll || onlyPrincipalExemption : stryMutAct_9fa48("270") ? true : (stryCov_9fa48("270", "271"), principalAll && onlyPrincipalExemption)) && (stryMutAct_9fa48("273") ? objects && isUnknown(st.Resource) : stryMutAct_9fa48("272") ? true : (stryCov_9fa48("272", "273"), objects || isUnknown(st.Resource))));
  }
}
export const auditEvidenceLocked: StackValidationPolicy = stryMutAct_9fa48("274") ? {} : (stryCov_9fa48("274"), {
  name: stryMutAct_9fa48("275") ? "" : (stryCov_9fa48("275"), "audit-evidence-locked"),
  description: (stryMutAct_9fa48("276") ? "" : (stryCov_9fa48("276"), "Every bucket that holds audit logs (a CloudTrail trail's bucket, or one tagged Purpose=cloudtrail-audit-logs*) has S3 ")) + (stryMutAct_9fa48("277") ? "" : (stryCov_9fa48("277"), "Object Lock with a default retention of at least `minimumLockDays`, and a bucket policy that denies ")) + (stryMutAct_9fa48("278") ? "" : (stryCov_9fa48("278"), "s3:DeleteObjectVersion, s3:PutObjectRetention and s3:BypassGovernanceRetention to every principal except a named ")) + (stryMutAct_9fa48("279") ? "" : (stryCov_9fa48("279"), "break-glass role (a condition on aws:PrincipalArn only).")),
  enforcementLevel: stryMutAct_9fa48("280") ? "" : (stryCov_9fa48("280"), "mandatory"),
  severity: stryMutAct_9fa48("281") ? "" : (stryCov_9fa48("281"), "critical"),
  remediationSteps: (stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'Add an aws.s3.BucketObjectLockConfiguration (objectLockEnabled: "Enabled", rule.defaultRetention { mode: "GOVERNANCE", ')) + (stryMutAct_9fa48("283") ? "" : (stryCov_9fa48("283"), 'days: <trail retention> }) after the bucket\'s versioning, and to its bucket policy a Deny for Principal "*" on the ')) + (stryMutAct_9fa48("284") ? "" : (stryCov_9fa48("284"), 'delete/retention actions with Condition { ArnNotEquals: { "aws:PrincipalArn": <break-glass role ARN> } }.')),
  configSchema: stryMutAct_9fa48("285") ? {} : (stryCov_9fa48("285"), {
    properties: stryMutAct_9fa48("286") ? {} : (stryCov_9fa48("286"), {
      minimumLockDays: stryMutAct_9fa48("287") ? {} : (stryCov_9fa48("287"), {
        type: stryMutAct_9fa48("288") ? "" : (stryCov_9fa48("288"), "integer"),
        minimum: 1,
        default: 365,
        description: stryMutAct_9fa48("289") ? "" : (stryCov_9fa48("289"), "Fewest days new audit log versions stay Object-Locked (set it to the trail retention).")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("290") ? "" : (stryCov_9fa48("290"), "164.312(b)"), stryMutAct_9fa48("291") ? [] : (stryCov_9fa48("291"), [stryMutAct_9fa48("292") ? "" : (stryCov_9fa48("292"), "audit"), stryMutAct_9fa48("293") ? "" : (stryCov_9fa48("293"), "s3"), stryMutAct_9fa48("294") ? "" : (stryCov_9fa48("294"), "object-lock")]), stryMutAct_9fa48("295") ? [] : (stryCov_9fa48("295"), [stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), "164.312(c)(1)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("297")) {
      {}
    } else {
      stryCov_9fa48("297");
      const config = configWithDefaults<AuditEvidenceConfig>(auditEvidenceLocked.configSchema!, args.getConfig<AuditEvidenceConfig>());
      const buckets = auditBuckets(args.resources);
      if (stryMutAct_9fa48("300") ? buckets.length !== 0 : stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : (stryCov_9fa48("298", "299", "300"), buckets.length === 0)) {
        if (stryMutAct_9fa48("301")) {
          {}
        } else {
          stryCov_9fa48("301");
          args.notApplicable(stryMutAct_9fa48("303") ? "" : (stryCov_9fa48("303"), "no audit log bucket in the stack"));
        }
      }
      for (const bucket of buckets) {
        if (stryMutAct_9fa48("304")) {
          {}
        } else {
          stryCov_9fa48("304");
          const inline = propsOf(bucket).objectLockEnabled;
          const lock = lockVerdict(bucket, args.resources, config.minimumLockDays);
          if (stryMutAct_9fa48("307") ? lock.ok !== false : stryMutAct_9fa48("306") ? false : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306", "307"), lock.ok === (stryMutAct_9fa48("308") ? true : (stryCov_9fa48("308"), false)))) {
            if (stryMutAct_9fa48("309")) {
              {}
            } else {
              stryCov_9fa48("309");
              report(stryMutAct_9fa48("311") ? `` : (stryCov_9fa48("311"), `audit bucket ${bucket.name} ${lock.why}: its log files could be deleted or overwritten.`), bucket.urn);
            }
          } else if (stryMutAct_9fa48("314") ? inline === false || lock.ok !== true : stryMutAct_9fa48("313") ? false : stryMutAct_9fa48("312") ? true : (stryCov_9fa48("312", "313", "314"), (stryMutAct_9fa48("316") ? inline !== false : stryMutAct_9fa48("315") ? true : (stryCov_9fa48("315", "316"), inline === (stryMutAct_9fa48("317") ? true : (stryCov_9fa48("317"), false)))) && (stryMutAct_9fa48("319") ? lock.ok === true : stryMutAct_9fa48("318") ? true : (stryCov_9fa48("318", "319"), lock.ok !== (stryMutAct_9fa48("320") ? false : (stryCov_9fa48("320"), true)))))) {
            if (stryMutAct_9fa48("321")) {
              {}
            } else {
              stryCov_9fa48("321");
              report(stryMutAct_9fa48("323") ? `` : (stryCov_9fa48("323"), `audit bucket ${bucket.name} is created without Object Lock.`), bucket.urn);
            }
          }
          const missing = stryMutAct_9fa48("324") ? MUST_DENY : (stryCov_9fa48("324"), MUST_DENY.filter(stryMutAct_9fa48("325") ? () => undefined : (stryCov_9fa48("325"), a => stryMutAct_9fa48("328") ? denyVerdict(bucket, args.resources, a) !== false : stryMutAct_9fa48("327") ? false : stryMutAct_9fa48("326") ? true : (stryCov_9fa48("326", "327", "328"), denyVerdict(bucket, args.resources, a) === (stryMutAct_9fa48("329") ? true : (stryCov_9fa48("329"), false))))));
          if (stryMutAct_9fa48("333") ? missing.length <= 0 : stryMutAct_9fa48("332") ? missing.length >= 0 : stryMutAct_9fa48("331") ? false : stryMutAct_9fa48("330") ? true : (stryCov_9fa48("330", "331", "332", "333"), missing.length > 0)) {
            if (stryMutAct_9fa48("334")) {
              {}
            } else {
              stryCov_9fa48("334");
              report(stryMutAct_9fa48("336") ? `` : (stryCov_9fa48("336"), `audit bucket ${bucket.name}: its bucket policy does not deny ${missing.join(stryMutAct_9fa48("337") ? "" : (stryCov_9fa48("337"), ", "))} to everyone but a break-glass role.`), bucket.urn);
            }
          }
        }
      }
    }
  }
});