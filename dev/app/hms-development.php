<?php
/**
 * Plugin Name: HMS development environment
 * Description: Development only (dev/app/hms-development.php, never deployed): points WP Offload Media
 * at the local S3-compatible store and WordPress mail at the mail catcher. Everything else is the
 * production configuration rendered by templates/wordpress.ts.
 */

// The servers use their instance role and the real bucket; here MinIO with keys from the
// development secrets file (hms_secret() is defined by the rendered settings.php).
add_filter('as3cf_aws_s3_client_args', static function (array $args): array {
    $args['endpoint'] = 'http://minio:9000';
    $args['use_path_style_endpoint'] = true;
    $args['credentials'] = [
        'key' => hms_secret('HMS_DEV_S3_ACCESS_KEY'),
        'secret' => hms_secret('HMS_DEV_S3_SECRET_KEY'),
    ];
    return $args;
});

// Every message WordPress sends lands in Mailpit (http://127.0.0.1:8025), never in a real mailbox.
add_action('phpmailer_init', static function ($mailer): void {
    $mailer->isSMTP();
    $mailer->Host = 'mailpit';
    $mailer->Port = 1025;
    $mailer->SMTPAuth = false;
    $mailer->SMTPAutoTLS = false;
});
