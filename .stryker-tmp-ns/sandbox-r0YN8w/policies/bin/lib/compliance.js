// @ts-nocheck
"use strict";
// Compliance metadata shared by the policies: the HIPAA Security Rule
// (45 CFR Part 164 Subpart C) sections they implement and LGPD art. 46.
Object.defineProperty(exports, "__esModule", { value: true });
exports.LGPD_ART_46 = exports.HIPAA = void 0;
exports.compliance = compliance;
/** The HIPAA Security Rule standards and implementation specifications this pack maps to. */
exports.HIPAA = {
    "164.308(a)(1)(ii)(B)": "Risk management: implement security measures sufficient to reduce risks and vulnerabilities to a reasonable and appropriate level.",
    "164.308(a)(5)(ii)(B)": "Protection from malicious software: procedures for guarding against, detecting, and reporting malicious software.",
    "164.308(a)(7)(ii)(A)": "Data backup plan: establish and implement procedures to create and maintain retrievable exact copies of electronic protected health information.",
    "164.308(a)(7)(ii)(B)": "Disaster recovery plan: establish (and implement as needed) procedures to restore any loss of data.",
    "164.312(a)(1)": "Access control: allow access to electronic protected health information only to those persons or software programs that have been granted access rights.",
    "164.312(a)(2)(iv)": "Encryption and decryption: implement a mechanism to encrypt and decrypt electronic protected health information.",
    "164.312(b)": "Audit controls: implement mechanisms that record and examine activity in information systems that contain or use electronic protected health information.",
    "164.312(c)(1)": "Integrity: protect electronic protected health information from improper alteration or destruction.",
    "164.312(e)(1)": "Transmission security: guard against unauthorized access to electronic protected health information transmitted over an electronic communications network.",
};
/** LGPD (Lei 13.709/2018) art. 46: security measures that protect personal data. */
exports.LGPD_ART_46 = "LGPD art. 46: controllers and processors adopt technical and administrative security measures able to protect personal data from unauthorized access and from accidental or unlawful destruction, loss, alteration or communication.";
/**
 * The `framework`, `tags` and `url` of a policy. `primary` is the section the
 * policy implements (the framework reference); `also` lists further sections
 * it supports; `topics` are free tags (service, control) for filtering in the
 * Pulumi console. Every policy of this pack protects personal health data, so
 * it also carries the LGPD art. 46 tag.
 */
function compliance(primary, topics, also = []) {
    const sections = [primary, ...also];
    return {
        framework: {
            name: "HIPAA Security Rule",
            version: "45 CFR Part 164 Subpart C",
            reference: sections.join("; "),
            specification: sections.map((s) => `${s} ${exports.HIPAA[s]}`).join(" ") + ` Also ${exports.LGPD_ART_46}`,
        },
        tags: [...sections.map((s) => `hipaa-${s}`), "lgpd-art-46", ...topics],
        url: `https://www.ecfr.gov/current/title-45/section-${primary.slice(0, 7)}`,
    };
}
