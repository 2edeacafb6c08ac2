// @ts-nocheck
// Resource classes that policies treat alike (current and deprecated aliases).
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
import { ResourceClass } from "./validate";

/** S3 buckets: aws v7's Bucket and its deprecated alias BucketV2. */
export const BUCKETS: ResourceClass[] = stryMutAct_9fa48("2370") ? [] : (stryCov_9fa48("2370"), [aws.s3.Bucket, aws.s3.BucketV2]);
/** Load balancers and listeners under both module names (aws.lb and its alias aws.alb). */
export const LOAD_BALANCERS: ResourceClass[] = stryMutAct_9fa48("2371") ? [] : (stryCov_9fa48("2371"), [aws.lb.LoadBalancer, aws.alb.LoadBalancer]);
export const LISTENERS: ResourceClass[] = stryMutAct_9fa48("2372") ? [] : (stryCov_9fa48("2372"), [aws.lb.Listener, aws.alb.Listener]);
/** Default encryption of a bucket, current and deprecated resource. */
export const BUCKET_ENCRYPTION: ResourceClass[] = stryMutAct_9fa48("2373") ? [] : (stryCov_9fa48("2373"), [aws.s3.BucketServerSideEncryptionConfiguration, aws.s3.BucketServerSideEncryptionConfigurationV2]);
/** Server access logging of a bucket, current and deprecated resource. */
export const BUCKET_LOGGING: ResourceClass[] = stryMutAct_9fa48("2374") ? [] : (stryCov_9fa48("2374"), [aws.s3.BucketLogging, aws.s3.BucketLoggingV2]);