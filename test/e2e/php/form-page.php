<?php
/**
 * `form-page.php <slug> <title> <content>`: publishes a page (once) and prints its address.
 */
declare(strict_types=1);

[$slug, $title, $content] = $args;
$page = get_page_by_path($slug);
$id   = $page ? $page->ID : wp_insert_post(array(
	'post_type'    => 'page',
	'post_status'  => 'publish',
	'post_name'    => $slug,
	'post_title'   => $title,
	'post_content' => $content,
), true);
if (is_wp_error($id)) {
	fwrite(STDERR, $id->get_error_message() . "\n");
	exit(1);
}
echo get_permalink($id), "\n";
