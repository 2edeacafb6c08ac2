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
            args.notApplicable(`Policy only applies to ${what}`);
        }
        return validate(args, report);
    };
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
