// @ts-nocheck
"use strict";
// Resource validations over several resource types, and the customer-managed
// KMS key test shared by the encryption policies.
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateResourceOfTypes = validateResourceOfTypes;
exports.isAnyOf = isAnyOf;
exports.isCustomerManagedKey = isCustomerManagedKey;
const values_1 = require("./values");
/**
 * Like `validateResourceOfType`, for a policy that checks several types with
 * one body (the body picks the type with `args.asType`). Other types are
 * reported as not applicable, as the SDK's helper does.
 */
function validateResourceOfTypes(classes, what, validate) {
    return (args, report) => {
        if (!classes.some((c) => args.isType(c))) {
            args.notApplicable(`Policy only applies to ${what}`);
        }
        return validate(args, report);
    };
}
/** True when the stack resource is of one of `classes`. */
function isAnyOf(r, classes) {
    return classes.some((c) => r.isType(c));
}
/**
 * Whether a KMS key reference names a customer managed key: set, and not an
 * AWS managed alias (`alias/aws/...`, whose key policy the hospital cannot
 * control or audit). Undefined when unknown.
 */
function isCustomerManagedKey(v) {
    if ((0, values_1.isUnknown)(v)) {
        return undefined;
    }
    if (typeof v !== "string" || v === "") {
        return false;
    }
    return !/(^|:)alias\/aws\//.test(v);
}
