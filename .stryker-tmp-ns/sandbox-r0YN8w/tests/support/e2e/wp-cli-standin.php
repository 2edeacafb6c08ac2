<?php
// Stand-in for WP-CLI in the end-to-end test (the wp-cli phar is a download this
// test machine cannot make). It implements only what hms-wp-setup --install-site
// calls, with WordPress's own functions:
//   wp --path=DIR core is-installed
//   wp --path=DIR core install --url=U --title=T --admin_user=A --admin_email=E --skip-email --prompt=admin_password
//   wp --path=DIR rewrite structure S
//   wp --path=DIR plugin verify-checksums|activate SLUG [--version=V]   (recorded; the plugins are downloads too)
// Like WP-CLI's --prompt, the admin password is read from stdin.
$opts = [];
$words = [];
foreach (array_slice($argv, 1) as $a) {
    if (preg_match('/^--([^=]+)(?:=(.*))?$/s', $a, $m)) {
        $opts[$m[1]] = $m[2] ?? true;
    } else {
        $words[] = $a;
    }
}
$cmd = implode(' ', array_slice($words, 0, 2));
if (getenv('HMS_WP_CALLS')) {
    file_put_contents(getenv('HMS_WP_CALLS'), "wp $cmd\n", FILE_APPEND);
}
if (str_starts_with($cmd, 'plugin ')) {
    exit(0);
}
if (isset($opts['url'])) {
    $_SERVER['HTTP_HOST'] = parse_url($opts['url'], PHP_URL_HOST);
}
// As WP-CLI does before the site exists: no redirect to install.php.
define('WP_INSTALLING', true);
require rtrim($opts['path'], '/') . '/wp-load.php';
switch ($cmd) {
    case 'core is-installed':
        exit(is_blog_installed() ? 0 : 1);
    case 'core install':
        if (($opts['prompt'] ?? '') !== 'admin_password' || !isset($opts['skip-email'])) {
            fwrite(STDERR, "stand-in: expected --prompt=admin_password and --skip-email\n");
            exit(2);
        }
        $password = rtrim((string) stream_get_contents(STDIN), "\n");
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        $r = wp_install($opts['title'], $opts['admin_user'], $opts['admin_email'], true, '', wp_slash($password));
        exit(empty($r['user_id']) ? 1 : 0);
    case 'rewrite structure':
        global $wp_rewrite;
        $wp_rewrite->set_permalink_structure($words[2]);
        exit(0);
}
fwrite(STDERR, "stand-in: unknown command $cmd\n");
exit(2);
