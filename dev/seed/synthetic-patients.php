<?php
/**
 * Synthetic, anonymised data set for the development environment: `wp eval-file
 * synthetic-patients.php [COUNT]`. Every record is generated here from fixed word
 * lists and a fixed seed (the same data on every laptop); no patient data ever leaves
 * production, and nothing here is derived from it. Records are private posts
 * (category "synthetic-patient") so they exercise the logged-in, never-cached paths.
 */
if (!defined('ABSPATH')) {
    exit(1);
}
$count = max(1, min(5000, (int) ($args[0] ?? 50)));
mt_srand(20260101);
$given = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabel', 'João', 'Larissa', 'Marcos'];
$family = ['Almeida', 'Barbosa', 'Cardoso', 'Duarte', 'Esteves', 'Ferraz', 'Gomes', 'Henriques', 'Lopes', 'Moura'];
$wards = ['Cardiologia', 'Pediatria', 'Ortopedia', 'Neurologia', 'Oncologia', 'Clínica Geral'];
$term = term_exists('synthetic-patient', 'category') ?: wp_insert_term('Synthetic patient', 'category', ['slug' => 'synthetic-patient']);
$category = (int) (is_array($term) ? $term['term_id'] : $term);
for ($i = 1; $i <= $count; $i++) {
    $name = $given[mt_rand(0, count($given) - 1)] . ' ' . $family[mt_rand(0, count($family) - 1)];
    $record = sprintf('SYN-%05d', $i);
    $id = wp_insert_post([
        'post_title' => "$record — $name (synthetic)",
        'post_content' => sprintf(
            "Synthetic record for development. Ward: %s. Born: %04d-%02d-%02d. Admitted: %d days ago.",
            $wards[mt_rand(0, count($wards) - 1)], mt_rand(1940, 2020), mt_rand(1, 12), mt_rand(1, 28), mt_rand(0, 365)
        ),
        'post_status' => 'private',
        'post_category' => [$category],
        'meta_input' => ['hms_synthetic' => '1', 'hms_record' => $record],
    ], true);
    if (is_wp_error($id)) {
        WP_CLI::error($id->get_error_message());
    }
}
WP_CLI::success("$count synthetic patient records created");
