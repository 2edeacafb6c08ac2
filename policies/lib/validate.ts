// Resource validations over several resource types, and the customer-managed
// KMS key test shared by the encryption policies.

import { PolicyResource, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { isUnknown, Tri } from "./values";

/** A resource class as `isType`/`asType` accept it (e.g. `aws.rds.Cluster`). */
export type ResourceClass = Parameters<ResourceValidationArgs["isType"]>[0];

/**
 * Like `validateResourceOfType`, for a policy that checks several types with
 * one body (the body picks the type with `args.asType`). Other types are
 * reported as not applicable, as the SDK's helper does.
 */
export function validateResourceOfTypes(
    classes: ResourceClass[],
    what: string,
    validate: ResourceValidation,
): ResourceValidation {
    return (args, report) => {
        if (!classes.some((c) => args.isType(c))) {
            notApplicable(args, `Policy only applies to ${what}`);
        }
        return validate(args, report);
    };
}

/**
 * `args.notApplicable(reason)` for a resource of a type the policy does not check: the SDK's
 * NotApplicableError, thrown with no stack trace. The engine asks every resource policy about every
 * resource, so a pack with a few multi-type policies throws this thousands of times per preview, and
 * collecting each error's frames was most of the cost of saying no. The SDK catches the error and
 * keeps only its `reason` (@pulumi/policy server.js, makeAnalyzeRpcFun, 1.21.0); every other error
 * keeps its trace.
 */
export function notApplicable(args: { notApplicable(reason?: string): never }, reason: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/** True when the stack resource is of one of `classes`. */
export function isAnyOf(r: PolicyResource, classes: ResourceClass[]): boolean {
    return classes.some((c) => r.isType(c));
}

/**
 * Whether a KMS key reference names a customer managed key: set, and not an
 * AWS managed alias (`alias/aws/...`, whose key policy the hospital cannot
 * control or audit). Undefined when unknown.
 */
export function isCustomerManagedKey(v: unknown): Tri {
    if (isUnknown(v)) {
        return undefined;
    }
    if (typeof v !== "string" || v === "") {
        return false;
    }
    return !/(^|:)alias\/aws\//.test(v);
}
