// @ts-nocheck
// 
"use strict";
// Resource classes that policies treat alike (current and deprecated aliases).
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
exports.BUCKET_LOGGING = exports.BUCKET_ENCRYPTION = exports.LISTENERS = exports.LOAD_BALANCERS = exports.BUCKETS = void 0;
const aws = __importStar(require("@pulumi/aws"));
/** S3 buckets: aws v7's Bucket and its deprecated alias BucketV2. */
exports.BUCKETS = [aws.s3.Bucket, aws.s3.BucketV2];
/** Load balancers and listeners under both module names (aws.lb and its alias aws.alb). */
exports.LOAD_BALANCERS = [aws.lb.LoadBalancer, aws.alb.LoadBalancer];
exports.LISTENERS = [aws.lb.Listener, aws.alb.Listener];
/** Default encryption of a bucket, current and deprecated resource. */
exports.BUCKET_ENCRYPTION = [
    aws.s3.BucketServerSideEncryptionConfiguration,
    aws.s3.BucketServerSideEncryptionConfigurationV2,
];
/** Server access logging of a bucket, current and deprecated resource. */
exports.BUCKET_LOGGING = [aws.s3.BucketLogging, aws.s3.BucketLoggingV2];
