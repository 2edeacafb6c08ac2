// @ts-nocheck
// 
// Entry point of the Pulumi program: reads and validates the stack
// configuration (before any resource is registered), builds the system and
// exports what operators need. See README.md.

import { loadConfig } from "./config";
import { HospitalSystem } from "./components/hospital";

const config = loadConfig();
const hms = new HospitalSystem(`hms-${config.environment}`, { config });

export const environment = config.environment;
export const region = config.region;
export const drRegion = config.drRegion;
export const dataKeyArn = hms.keys.dataKeyArn;
export const vpcId = hms.network?.vpcId;
export const appSubnetIds = hms.network?.appSubnets.ids;
export const dataSubnetIds = hms.network?.dataSubnets.ids;
export const databaseEndpoint = hms.database?.endpoint;
export const databaseReaderEndpoint = hms.database?.readerEndpoint;
export const databasePort = hms.database?.port;
/** Secrets Manager secret (managed by RDS) with the master credentials: an ARN, not the secret. */
export const databaseMasterSecretArn = hms.database?.masterSecretArn;
export const cacheEndpoint = hms.cache?.primaryEndpoint;
export const cacheReaderEndpoint = hms.cache?.readerEndpoint;
export const cachePort = hms.cache?.port;
/** Secrets Manager secret with the cache AUTH token and endpoint: an ARN, not the secret. */
export const cacheAuthSecretArn = hms.cache?.authSecretArn;
export const mediaBucketName = hms.storage?.bucketName;
export const mediaBucketAccessLogsBucketName = hms.storage?.logBucketName;
export const mediaReplicaBucketArn = hms.storage?.replicaBucketArn;
/** KMS key every upload under the media bucket's clinical/ prefix must name. */
export const clinicalFilesKeyArn = hms.storage?.clinicalKeyArn;
export const backupVaultArn = hms.backup?.vaultArn;
export const backupDrVaultArn = hms.backup?.drVaultArn;
export const backupPlanId = hms.backup?.planId;
export const backupNotificationTopicArn = hms.backup?.notificationTopicArn;
/** DNS name of the internet-facing NLB (Cloudflare's origin; it answers Cloudflare's addresses only). */
export const nlbDnsName = hms.loadBalancer?.nlbDnsName;
/** CloudTrail trail (multi-region) and the bucket holding its log files. */
export const cloudTrailArn = hms.security?.trailArn;
export const cloudTrailBucketName = hms.security?.trailBucketName;
/** The DR copy of the trail bucket, and the only role that may delete audit evidence or cut its retention. */
export const cloudTrailReplicaBucketName = hms.security?.trailReplicaBucketName;
export const auditBreakGlassRoleArn = hms.security?.auditBreakGlassRoleArn;
export const guardDutyDetectorId = hms.accountBaseline?.guardDutyDetectorId;
/** Client VPN endpoint for administrators; its profile is in the secret below (an ARN, not the secret). */
export const vpnEndpointId = hms.security?.vpnEndpointId;
export const vpnClientSecretArn = hms.security?.vpnClientSecretArn;
export const alarmTopicArn = hms.monitoring?.alarmTopicArn;
/** Grafana (self-hosted, over the Client VPN; admin password in the secret `grafanaAdminSecretArn`). */
export const grafanaUrl = hms.monitoring?.grafanaEndpoint;
export const grafanaAdminSecretArn = hms.monitoring?.grafanaAdminSecretArn;
/** OpenSearch (logs) inside the VPC: reachable over the VPN; sign requests as opensearchAdminRoleArn. */
export const opensearchEndpoint = hms.monitoring?.opensearchEndpoint;
export const opensearchDashboardsUrl = hms.monitoring?.opensearchEndpoint.apply((e) => `https://${e}/_dashboards`);
export const opensearchAdminRoleArn = hms.monitoring?.opensearchAdminRoleArn;
export const prometheusEndpoint = hms.monitoring?.prometheusEndpoint;
/** Cloudflare zone of the site and the proxied hostnames (apex and www). */
export const zoneId = hms.edge?.zoneId;
export const hostnames = hms.edge?.hostnames;
/** WordPress servers (reach them with Session Manager: `aws ssm start-session --target <id>`). */
export const appInstanceIds = hms.appServers?.instanceIds;
export const appPrivateIps = hms.appServers?.privateIps;
/** First WordPress administrator (user name and password) in Secrets Manager: an ARN, not the secret. */
export const wordpressAdminSecretArn = hms.appServers?.adminSecretArn;
export const websocketInstanceId = hms.websocket?.instanceId;
export const websocketPrivateIp = hms.websocket?.privateIp;
