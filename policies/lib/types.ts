// Resource classes that policies treat alike (current and deprecated aliases).

import * as aws from "@pulumi/aws";
import { ResourceClass } from "./validate";

/** S3 buckets: aws v7's Bucket and its deprecated alias BucketV2. */
export const BUCKETS: ResourceClass[] = [aws.s3.Bucket, aws.s3.BucketV2];
/** Load balancers and listeners under both module names (aws.lb and its alias aws.alb). */
export const LOAD_BALANCERS: ResourceClass[] = [aws.lb.LoadBalancer, aws.alb.LoadBalancer];
export const LISTENERS: ResourceClass[] = [aws.lb.Listener, aws.alb.Listener];
/** Default encryption of a bucket, current and deprecated resource. */
export const BUCKET_ENCRYPTION: ResourceClass[] = [
    aws.s3.BucketServerSideEncryptionConfiguration,
    aws.s3.BucketServerSideEncryptionConfigurationV2,
];
/** Server access logging of a bucket, current and deprecated resource. */
export const BUCKET_LOGGING: ResourceClass[] = [aws.s3.BucketLogging, aws.s3.BucketLoggingV2];
